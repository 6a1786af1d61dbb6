package io.dcos.marathon.core.instances;

import java.time.Instant;
import java.util.Objects;

/**
 * A task status update in kernel-free form. {@code healthy} is null when the update carries no
 * health result; {@code reason} is the kernel's reason name or empty. Invariant: {@code condition}
 * is never {@link Condition#PROVISIONED} or {@link Condition#UNREACHABLE_INACTIVE}.
 */
public record TaskUpdate(
    String taskId,
    Condition condition,
    Boolean healthy,
    String reason,
    String message,
    Instant timestamp) {
  public TaskUpdate {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(timestamp, "timestamp");
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    if (condition == Condition.PROVISIONED || condition == Condition.UNREACHABLE_INACTIVE) {
      throw new IllegalArgumentException("not a kernel condition: " + condition);
    }
  }
}
