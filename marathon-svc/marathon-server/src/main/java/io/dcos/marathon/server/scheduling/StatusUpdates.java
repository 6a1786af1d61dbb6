package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.TaskUpdate;
import java.time.Instant;
import java.util.Optional;

/** Converts the kernel's task status into the instance state machine's {@link TaskUpdate}. */
final class StatusUpdates {
  private StatusUpdates() {}

  static Optional<TaskUpdate> of(TaskStatus status, Instant now) {
    return Condition.fromTaskState(status.getState().name())
        .map(
            c ->
                new TaskUpdate(
                    status.getTaskId().getValue(),
                    c,
                    status.hasHealthy() ? status.getHealthy() : null,
                    status.hasReason() ? status.getReason().name() : "",
                    status.getMessage(),
                    status.getTimestamp() > 0
                        ? Instant.ofEpochMilli((long) (status.getTimestamp() * 1000))
                        : now));
  }
}
