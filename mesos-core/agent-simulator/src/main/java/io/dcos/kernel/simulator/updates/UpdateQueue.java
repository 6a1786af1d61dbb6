package io.dcos.kernel.simulator.updates;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The unacknowledged status updates of one task, oldest first. Invariant: only the head is in
 * flight; it leaves the queue only when an acknowledgement carries its uuid. The retry interval
 * doubles from {@code first} up to {@code max} while the same head waits. Pure; not thread-safe.
 */
public final class UpdateQueue {
  private final Duration first;
  private final Duration max;
  private final Deque<TaskStatus> pending = new ArrayDeque<>(2);
  private Duration interval;

  public UpdateQueue(Duration first, Duration max) {
    this.first = first;
    this.max = max;
    this.interval = first;
  }

  /** Appends an update; true when it is now the head and must be sent. */
  public boolean add(TaskStatus status) {
    pending.addLast(status);
    return pending.size() == 1;
  }

  /** The update in flight, or null. */
  public TaskStatus head() {
    return pending.peekFirst();
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  public int size() {
    return pending.size();
  }

  public List<TaskStatus> all() {
    return List.copyOf(pending);
  }

  /**
   * Removes the head when {@code uuid} is its uuid and returns it; null for a stale or duplicate
   * acknowledgement. The next head starts with the first retry interval.
   */
  public TaskStatus acknowledge(ByteString uuid) {
    TaskStatus head = pending.peekFirst();
    if (head == null || !head.getUuid().equals(uuid)) {
      return null;
    }
    pending.removeFirst();
    interval = first;
    return head;
  }

  /** The wait before resending the head, doubling on each call up to the maximum. */
  public Duration nextRetryDelay() {
    Duration current = interval;
    Duration doubled = interval.multipliedBy(2);
    interval = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  /** Starts the backoff again, after a fresh (re)registration. */
  public void resetRetry() {
    interval = first;
  }
}
