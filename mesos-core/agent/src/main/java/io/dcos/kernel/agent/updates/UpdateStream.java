package io.dcos.kernel.agent.updates;

import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The status updates of one task that its framework has not acknowledged, oldest first. Pure logic.
 * Invariant: only the head is in flight; it is retried with exponential backoff until the
 * acknowledgement with its uuid arrives, then the next one goes.
 */
public final class UpdateStream {
  private final String frameworkId;
  private final Deque<TaskStatus> pending = new ArrayDeque<>();
  private TaskState latestState;
  private Instant nextRetry;
  private Duration retryInterval;

  public UpdateStream(String frameworkId) {
    this.frameworkId = frameworkId;
  }

  public String frameworkId() {
    return frameworkId;
  }

  /** Adds an update; true when it became the head (so it must be sent now). */
  public boolean add(TaskStatus status) {
    pending.addLast(status);
    latestState = status.getState();
    return pending.size() == 1;
  }

  public TaskStatus head() {
    return pending.peekFirst();
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  public TaskState latestState() {
    return latestState;
  }

  /** Removes the head if {@code uuid} is its uuid; returns the acknowledged update, else null. */
  public TaskStatus acknowledge(com.google.protobuf.ByteString uuid) {
    TaskStatus head = pending.peekFirst();
    if (head == null || !head.getUuid().equals(uuid)) {
      return null;
    }
    pending.removeFirst();
    nextRetry = null;
    return head;
  }

  /** Notes the head was sent at {@code now}; the first retry waits {@code first}. */
  public void sent(Instant now, Duration first) {
    retryInterval = first;
    nextRetry = now.plus(first);
  }

  /** True when the head is due for a retry; then schedules the next one, doubled up to max. */
  public boolean retryDue(Instant now, Duration max) {
    if (nextRetry == null || pending.isEmpty() || now.isBefore(nextRetry)) {
      return false;
    }
    retryInterval = retryInterval.multipliedBy(2);
    if (retryInterval.compareTo(max) > 0) {
      retryInterval = max;
    }
    nextRetry = now.plus(retryInterval);
    return true;
  }

  public int size() {
    return pending.size();
  }
}
