package io.dcos.jobs.framework;

import io.dcos.kernel.protocol.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores task status updates in batches on one thread: it takes every update that arrived while the
 * previous batch was written, stores them together, then acknowledges each. Invariant: an update is
 * acknowledged only after the batch holding it is durable; when a batch fails, its updates are
 * stored one by one so that one bad update does not hold back the others, and those that still fail
 * are not acknowledged (the agent sends them again).
 */
final class StatusWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
  private static final TaskStatus STOP = TaskStatus.getDefaultInstance();

  private final BlockingQueue<TaskStatus> queue = new LinkedBlockingQueue<>();
  private final Consumer<List<TaskStatus>> store;
  private final Consumer<TaskStatus> acknowledge;
  private final int maxBatch;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * @param store makes a batch durable, or throws
   * @param acknowledge acknowledges one stored update
   */
  StatusWriter(
      Consumer<List<TaskStatus>> store,
      Consumer<TaskStatus> acknowledge,
      int maxBatch,
      String name) {
    this.store = store;
    this.acknowledge = acknowledge;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues an update to be stored and acknowledged. */
  void add(TaskStatus status) {
    if (!closed) {
      queue.add(status);
    }
  }

  private void loop() {
    List<TaskStatus> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, maxBatch - 1);
      batch.removeIf(s -> s == STOP);
      if (!closed && !batch.isEmpty()) {
        write(batch);
      }
      batch.clear();
    }
  }

  private void write(List<TaskStatus> batch) {
    try {
      store.accept(batch);
      batch.forEach(acknowledge);
      return;
    } catch (RuntimeException e) {
      LOG.warn("a batch of {} task updates was not stored, storing one by one", batch.size(), e);
    }
    for (TaskStatus s : batch) {
      try {
        store.accept(List.of(s));
        acknowledge.accept(s);
      } catch (RuntimeException e) {
        // Not stored: not acknowledged; the agent sends the update again.
        LOG.error("task update {} not stored", s.getTaskId().getValue(), e);
      }
    }
  }

  /** Stops the writer; updates not yet stored are dropped unacknowledged (the agent resends). */
  @Override
  public void close() {
    closed = true;
    queue.clear();
    queue.add(STOP);
  }
}
