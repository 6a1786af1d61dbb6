package io.dcos.kernel.simulator;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool, so that each simulated agent
 * behaves like a single-threaded actor without owning a thread. Invariant: at most one task of this
 * executor runs at any moment.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // The simulation is shutting down: drop the work.
        queue.clear();
        scheduled.set(false);
      }
    }
  }

  private void drain() {
    try {
      int budget = 64; // Be fair to other agents sharing the pool.
      Runnable next;
      while (budget-- > 0 && (next = queue.poll()) != null) {
        try {
          next.run();
        } catch (RuntimeException e) {
          LOG.error("simulated agent step failed", e);
        }
      }
    } finally {
      scheduled.set(false);
      if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
        try {
          pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
          queue.clear();
          scheduled.set(false);
        }
      }
    }
  }
}
