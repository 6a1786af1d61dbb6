package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.sdk.NotSubscribedException;
import io.dcos.marathon.server.scheduling.ServiceScheduler.NotLeaderException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the scheduler's state while this instance leads. Invariant: work runs
 * only between {@link #start} and {@link #stop}; a failing task is logged and never stops the loop;
 * callers from other threads wait at most the given timeout for an answer.
 */
final class SchedulerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);

  private volatile ScheduledExecutorService executor;

  /** Starts the loop: {@code first} runs at once, then {@code tick} every {@code every}. */
  synchronized void start(Runnable first, Runnable tick, Duration every) {
    ScheduledExecutorService e =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marathon-scheduler");
              t.setDaemon(true);
              return t;
            });
    executor = e;
    e.execute(first);
    long millis = every.toMillis();
    e.scheduleWithFixedDelay(() -> guarded(tick), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the loop and waits for the running task to end; later work is dropped. */
  synchronized void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean running() {
    return executor != null;
  }

  /** Runs {@code work} on the loop later; dropped when the loop is not running. */
  void submit(Runnable work) {
    ScheduledExecutorService e = executor;
    if (e != null) {
      try {
        e.execute(() -> guarded(work));
      } catch (RejectedExecutionException ex) {
        // Leadership was lost meanwhile.
      }
    }
  }

  /**
   * Runs {@code work} on the loop and returns its result; {@link NotLeaderException} if stopped.
   */
  <T> T call(Callable<T> work, Duration timeout) {
    ScheduledExecutorService e = executor;
    if (e == null) {
      throw new NotLeaderException();
    }
    Future<T> f;
    try {
      f = e.submit(work);
    } catch (RejectedExecutionException ex) {
      throw new NotLeaderException();
    }
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", ex);
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(ex.getCause());
    } catch (TimeoutException ex) {
      throw new IllegalStateException("the scheduler did not answer in time", ex);
    }
  }

  private static void guarded(Runnable r) {
    try {
      r.run();
    } catch (NotSubscribedException e) {
      LOG.debug("not subscribed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("scheduler loop task failed", e);
    }
  }
}
