package io.dcos.kernel.simulator.updates;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UpdateQueueTest {
  private static TaskStatus status(int n) {
    return TaskStatus.newBuilder()
        .setState(TaskState.forNumber(n % 3))
        .setUuid(ByteString.copyFromUtf8("uuid-" + n))
        .build();
  }

  @Test
  void onlyTheHeadLeavesAndOnlyWithItsUuid() {
    UpdateQueue q = new UpdateQueue(Duration.ofSeconds(10), Duration.ofMinutes(10));
    assertThat(q.add(status(1))).isTrue();
    assertThat(q.add(status(2))).isFalse();
    assertThat(q.acknowledge(ByteString.copyFromUtf8("uuid-2"))).isNull();
    assertThat(q.acknowledge(ByteString.copyFromUtf8("uuid-1"))).isEqualTo(status(1));
    assertThat(q.acknowledge(ByteString.copyFromUtf8("uuid-1"))).isNull();
    assertThat(q.head()).isEqualTo(status(2));
  }

  @Test
  void retriesDoubleUpToTheMaximumAndRestartPerUpdate() {
    UpdateQueue q = new UpdateQueue(Duration.ofSeconds(10), Duration.ofSeconds(50));
    q.add(status(1));
    q.add(status(2));
    assertThat(
            List.of(q.nextRetryDelay(), q.nextRetryDelay(), q.nextRetryDelay(), q.nextRetryDelay()))
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(50));
    q.acknowledge(ByteString.copyFromUtf8("uuid-1"));
    assertThat(q.nextRetryDelay()).isEqualTo(Duration.ofSeconds(10));
  }

  /** Whatever acknowledgements arrive, updates leave in the order they came, each exactly once. */
  @Property
  void deliveryIsInOrderWhateverTheAcknowledgements(
      @ForAll @IntRange(min = 1, max = 20) int updates,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 25) Integer> acks) {
    UpdateQueue q = new UpdateQueue(Duration.ofSeconds(1), Duration.ofSeconds(8));
    for (int i = 0; i < updates; i++) {
      q.add(status(i));
    }
    List<TaskStatus> delivered = new ArrayList<>();
    for (int a : acks) {
      TaskStatus out = q.acknowledge(ByteString.copyFromUtf8("uuid-" + a));
      if (out != null) {
        delivered.add(out);
      }
    }
    for (int i = 0; i < delivered.size(); i++) {
      assertThat(delivered.get(i)).isEqualTo(status(i));
    }
    assertThat(q.size()).isEqualTo(updates - delivered.size());
  }
}
