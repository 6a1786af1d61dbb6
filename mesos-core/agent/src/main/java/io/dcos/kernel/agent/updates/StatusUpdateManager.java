package io.dcos.kernel.agent.updates;

import com.google.protobuf.ByteString;
import io.dcos.kernel.agent.checkpoint.CheckpointStore;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Delivers task status updates at least once and in order per task: each update is checkpointed
 * before it is sent, resent until acknowledged, and resent after every (re)registration. Runs on
 * the agent's loop thread.
 */
public final class StatusUpdateManager {
  /** Identifies a task's stream. */
  public record TaskKey(String frameworkId, String taskId) {}

  private final CheckpointStore store;
  private final Clock clock;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final Predicate<AgentMessage> sender;
  private final BiConsumer<TaskKey, TaskStatus> onTerminalAcknowledged;
  private final Map<TaskKey, UpdateStream> streams = new HashMap<>();

  /**
   * @param sender sends to the master; false while there is no registered connection
   * @param onTerminalAcknowledged called when a task's terminal update is acknowledged and its
   *     stream is empty: the task can be forgotten
   */
  public StatusUpdateManager(
      CheckpointStore store,
      Clock clock,
      Duration firstRetry,
      Duration maxRetry,
      Predicate<AgentMessage> sender,
      BiConsumer<TaskKey, TaskStatus> onTerminalAcknowledged) {
    this.store = store;
    this.clock = clock;
    this.firstRetry = firstRetry;
    this.maxRetry = maxRetry;
    this.sender = sender;
    this.onTerminalAcknowledged = onTerminalAcknowledged;
  }

  /** Records and (if first in line) sends an update. */
  public void update(String frameworkId, TaskStatus status) {
    TaskKey key = new TaskKey(frameworkId, status.getTaskId().getValue());
    store.appendStatus(frameworkId, key.taskId(), status);
    UpdateStream stream = streams.computeIfAbsent(key, k -> new UpdateStream(frameworkId));
    if (stream.add(status)) {
      send(key, stream);
    }
  }

  /** Restores a recovered task's unacknowledged updates (already checkpointed). */
  public void restore(String frameworkId, List<TaskStatus> pending) {
    for (TaskStatus status : pending) {
      TaskKey key = new TaskKey(frameworkId, status.getTaskId().getValue());
      streams.computeIfAbsent(key, k -> new UpdateStream(frameworkId)).add(status);
    }
  }

  public void acknowledge(String frameworkId, String taskId, ByteString uuid) {
    TaskKey key = new TaskKey(frameworkId, taskId);
    UpdateStream stream = streams.get(key);
    if (stream == null) {
      return;
    }
    TaskStatus acked = stream.acknowledge(uuid);
    if (acked == null) {
      return; // A duplicate or stale acknowledgement.
    }
    store.appendAck(frameworkId, taskId, uuid.toByteArray());
    if (!stream.isEmpty()) {
      send(key, stream);
    } else {
      streams.remove(key);
      if (TaskStates.isTerminal(acked.getState())) {
        onTerminalAcknowledged.accept(key, acked);
      }
    }
  }

  /** Sends every stream's head again, after the agent (re)registered. */
  public void resendAll() {
    streams.forEach(this::send);
  }

  /** Resends heads whose retry interval passed. */
  public void retryDue() {
    var now = clock.instant();
    streams.forEach(
        (key, stream) -> {
          if (stream.retryDue(now, maxRetry)) {
            sender.test(message(stream, stream.head()));
          }
        });
  }

  /** Drops a framework's streams (it was shut down: nobody will acknowledge them). */
  public void dropFramework(String frameworkId) {
    streams.keySet().removeIf(k -> k.frameworkId().equals(frameworkId));
  }

  public boolean hasPending(String frameworkId, String taskId) {
    return streams.containsKey(new TaskKey(frameworkId, taskId));
  }

  public int pendingCount() {
    return streams.values().stream().mapToInt(UpdateStream::size).sum();
  }

  private void send(TaskKey key, UpdateStream stream) {
    stream.sent(clock.instant(), firstRetry);
    sender.test(message(stream, stream.head()));
  }

  private static AgentMessage message(UpdateStream stream, TaskStatus head) {
    return AgentMessage.newBuilder()
        .setStatusUpdate(
            StatusUpdate.newBuilder()
                .setFrameworkId(FrameworkID.newBuilder().setValue(stream.frameworkId()))
                .setStatus(head)
                .setLatestState(stream.latestState()))
        .build();
  }
}
