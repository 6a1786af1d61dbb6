package io.dcos.kernel.agent.updates;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dcos.kernel.agent.checkpoint.CheckpointStore;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusUpdateManagerTest {
  @TempDir Path workDir;

  private final List<AgentMessage> sent = new ArrayList<>();
  private final List<String> finished = new ArrayList<>();
  private Instant now = Instant.parse("2026-11-22T00:00:00Z");
  private boolean connected = true;

  private StatusUpdateManager manager(CheckpointStore store) {
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return new StatusUpdateManager(
        store,
        clock,
        Duration.ofSeconds(10),
        Duration.ofSeconds(40),
        m -> connected && sent.add(m),
        (key, status) -> finished.add(key.taskId()));
  }

  private static TaskStatus status(String task, TaskState state, int uuid) {
    return TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(task))
        .setState(state)
        .setUuid(ByteString.copyFrom(new byte[] {(byte) uuid}))
        .build();
  }

  private CheckpointStore storeWithTask(String task) {
    CheckpointStore store = new CheckpointStore(workDir);
    store.saveTask(
        FrameworkInfo.newBuilder()
            .setName("f")
            .setId(FrameworkID.newBuilder().setValue("f1"))
            .build(),
        TaskInfo.newBuilder().setTaskId(TaskID.newBuilder().setValue(task)).build(),
        "c1",
        workDir.resolve("sandbox"));
    return store;
  }

  @Test
  void onlyTheOldestUpdateIsInFlightAndTheNextGoesOnAcknowledgement() {
    StatusUpdateManager m = manager(storeWithTask("t"));
    m.update("f1", status("t", TaskState.TASK_STARTING, 1));
    m.update("f1", status("t", TaskState.TASK_RUNNING, 2));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STARTING);
    // A resent head tells the master where the task is now.
    m.resendAll();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STARTING);
    assertThat(sent.get(1).getStatusUpdate().getLatestState()).isEqualTo(TaskState.TASK_RUNNING);
    sent.clear();

    m.acknowledge("f1", "t", ByteString.copyFrom(new byte[] {9}));
    assertThat(sent).isEmpty();
    m.acknowledge("f1", "t", ByteString.copyFrom(new byte[] {1}));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_RUNNING);
  }

  @Test
  void unacknowledgedUpdatesAreRetriedWithBackoffAndResentOnReconnection() {
    StatusUpdateManager m = manager(storeWithTask("t"));
    connected = false;
    m.update("f1", status("t", TaskState.TASK_RUNNING, 1));
    assertThat(sent).isEmpty();
    connected = true;
    m.resendAll();
    assertThat(sent).hasSize(1);

    now = now.plusSeconds(9);
    m.retryDue();
    assertThat(sent).hasSize(1);
    now = now.plusSeconds(2);
    m.retryDue();
    assertThat(sent).hasSize(2);
    now = now.plusSeconds(19); // next retry waits 20 s
    m.retryDue();
    assertThat(sent).hasSize(2);
    now = now.plusSeconds(2);
    m.retryDue();
    assertThat(sent).hasSize(3);
  }

  @Test
  void pendingUpdatesSurviveARestartAndTerminalAcknowledgementFinishesTheTask() {
    CheckpointStore store = storeWithTask("t");
    StatusUpdateManager before = manager(store);
    before.update("f1", status("t", TaskState.TASK_RUNNING, 1));
    before.update("f1", status("t", TaskState.TASK_FINISHED, 2));
    before.acknowledge("f1", "t", ByteString.copyFrom(new byte[] {1}));

    var recovered = new CheckpointStore(workDir).recover();
    assertThat(recovered).hasSize(1);
    assertThat(recovered.get(0).pendingUpdates())
        .extracting(TaskStatus::getState)
        .containsExactly(TaskState.TASK_FINISHED);
    assertThat(recovered.get(0).latestStatus().getState()).isEqualTo(TaskState.TASK_FINISHED);

    sent.clear();
    StatusUpdateManager after = manager(store);
    after.restore("f1", recovered.get(0).pendingUpdates());
    after.resendAll();
    assertThat(sent).hasSize(1);
    after.acknowledge("f1", "t", ByteString.copyFrom(new byte[] {2}));
    assertThat(finished).containsExactly("t");
  }
}
