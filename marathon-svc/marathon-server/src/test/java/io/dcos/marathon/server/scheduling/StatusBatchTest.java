package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.placement.AgentPlace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Folding a burst of status updates into instance changes, in arrival order. */
class StatusBatchTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final AgentPlace AGENT =
      new AgentPlace("agent-1", "host-1", Map.of(), Optional.empty(), Optional.empty());

  private static Instance provisioned(String app) {
    return Instance.provisioned(
        InstanceId.of(PathId.parse(app), UUID.randomUUID()), NOW, AGENT, List.of(), NOW);
  }

  private static TaskStatus status(String taskId, TaskState state) {
    return TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId))
        .setState(state)
        .build();
  }

  @Test
  void laterUpdatesOfTheSameInstanceSeeTheEarlierOnes() {
    Instance a = provisioned("/web");
    Instance b = provisioned("/web");
    Map<InstanceId, Instance> known = Map.of(a.id(), a, b.id(), b);

    StatusBatch.Result r =
        StatusBatch.fold(
            List.of(
                status(a.taskId(), TaskState.TASK_STARTING),
                status(b.taskId(), TaskState.TASK_STARTING),
                status(a.taskId(), TaskState.TASK_RUNNING)),
            known::get,
            NOW);

    assertThat(r.handled()).hasSize(3).allMatch(StatusBatch.Handled::known);
    assertThat(r.changes()).hasSize(3);
    InstanceChanges.Change last = r.changes().get(2);
    assertThat(last.before().condition()).isEqualTo(Condition.STARTING);
    assertThat(last.transition().next().orElseThrow().condition()).isEqualTo(Condition.RUNNING);
    assertThat(r.changes().get(1).before().id()).isEqualTo(b.id());
  }

  @Test
  void anInstanceExpungedEarlierInTheBatchIsUnknownToLaterUpdates() {
    Instance a = provisioned("/web");

    StatusBatch.Result r =
        StatusBatch.fold(
            List.of(
                status(a.taskId(), TaskState.TASK_FAILED),
                status(a.taskId(), TaskState.TASK_RUNNING)),
            Map.of(a.id(), a)::get,
            NOW);

    assertThat(r.changes()).hasSize(1);
    assertThat(r.changes().get(0).transition().expunged()).isTrue();
    assertThat(r.handled().get(1).known()).isFalse();
  }

  @Test
  void tasksNobodyKnowsChangeNothing() {
    Instance stranger = provisioned("/gone");

    StatusBatch.Result r =
        StatusBatch.fold(
            List.of(
                status(stranger.taskId(), TaskState.TASK_RUNNING),
                status("not-a-marathon-task", TaskState.TASK_RUNNING)),
            id -> null,
            NOW);

    assertThat(r.changes()).isEmpty();
    assertThat(r.handled()).hasSize(2).noneMatch(StatusBatch.Handled::known);
  }
}
