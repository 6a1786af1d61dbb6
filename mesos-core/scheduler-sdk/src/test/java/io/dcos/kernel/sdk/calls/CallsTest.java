package io.dcos.kernel.sdk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.scheduler.Call;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallsTest {
  private static final FrameworkInfo INFO = FrameworkInfo.newBuilder().setName("fw").build();

  @Test
  void firstSubscriptionCarriesNoId() {
    Call c = Calls.subscribe(INFO, Optional.empty(), List.of());
    assertThat(c.getType()).isEqualTo(Call.Type.SUBSCRIBE);
    assertThat(c.hasFrameworkId()).isFalse();
    assertThat(c.getSubscribe().getFrameworkInfo().hasId()).isFalse();
  }

  @Test
  void resubscriptionCarriesTheIdTwice() {
    FrameworkID id = FrameworkID.newBuilder().setValue("fw-1").build();
    Call c = Calls.subscribe(INFO, Optional.of(id), List.of("r"));
    assertThat(c.getFrameworkId()).isEqualTo(id);
    assertThat(c.getSubscribe().getFrameworkInfo().getId()).isEqualTo(id);
    assertThat(c.getSubscribe().getSuppressedRolesList()).containsExactly("r");
  }

  @Test
  void acknowledgementNeedsAUuid() {
    TaskStatus noUuid =
        TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue("t")).build();
    assertThatThrownBy(() -> Calls.acknowledge(noUuid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task t");
    TaskStatus withUuid =
        noUuid.toBuilder()
            .setUuid(ByteString.copyFromUtf8("u"))
            .setAgentId(AgentID.newBuilder().setValue("a"))
            .build();
    Call.Acknowledge ack = Calls.acknowledge(withUuid).getAcknowledge();
    assertThat(ack.getAgentId().getValue()).isEqualTo("a");
    assertThat(ack.getUuid().toStringUtf8()).isEqualTo("u");
  }

  @Test
  void killWithoutGracePeriodLeavesThePolicyToTheTask() {
    Call plain =
        Calls.kill(
            TaskID.newBuilder().setValue("t").build(),
            AgentID.getDefaultInstance(),
            Optional.empty());
    assertThat(plain.getKill().hasKillPolicy()).isFalse();
    assertThat(plain.getKill().hasAgentId()).isFalse();
    Call graceful =
        Calls.kill(
            TaskID.newBuilder().setValue("t").build(),
            AgentID.newBuilder().setValue("a").build(),
            Optional.of(Duration.ofMillis(1500)));
    assertThat(graceful.getKill().getKillPolicy().getGracePeriod().getNanoseconds())
        .isEqualTo(1_500_000_000L);
  }

  @Test
  void emptyReconciliationIsImplicit() {
    assertThat(Calls.reconcile(List.of()).getReconcile().getTasksCount()).isZero();
    Call.Reconcile.Task t =
        Calls.reconcileTask(
            TaskID.newBuilder().setValue("t").build(), AgentID.getDefaultInstance());
    assertThat(t.hasAgentId()).isFalse();
  }
}
