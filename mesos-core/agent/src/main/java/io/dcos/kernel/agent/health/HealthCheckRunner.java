package io.dcos.kernel.agent.health;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task's health check next to it: first after the policy's delay, then {@code interval}
 * after each check ends, feeding results to a {@link HealthState} and telling the listener when an
 * update is due or the task must be killed. Checks run on the given scheduler's threads and may
 * block for up to the timeout, so give it a thread per few tasks. Stops by itself after signalling
 * a kill; {@link #stop()} when the task ends.
 */
public final class HealthCheckRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckRunner.class);

  private final HealthCheckPolicy policy;
  private final HealthChecker checker;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final HealthListener listener;
  private final HealthState state;
  private ScheduledFuture<?> next;
  private boolean stopped;

  /**
   * Starts checking at once (the first check after the delay); the task started at the clock's now.
   */
  public static HealthCheckRunner start(
      HealthCheckPolicy policy,
      HealthChecker checker,
      ScheduledExecutorService scheduler,
      Clock clock,
      HealthListener listener) {
    HealthCheckRunner runner = new HealthCheckRunner(policy, checker, scheduler, clock, listener);
    runner.schedule(policy.delay().toNanos());
    return runner;
  }

  private HealthCheckRunner(
      HealthCheckPolicy policy,
      HealthChecker checker,
      ScheduledExecutorService scheduler,
      Clock clock,
      HealthListener listener) {
    this.policy = policy;
    this.checker = checker;
    this.scheduler = scheduler;
    this.clock = clock;
    this.listener = listener;
    this.state = new HealthState(policy, clock.instant());
  }

  /** No check starts after this returns and the listener is not called again. */
  public synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void schedule(long delayNanos) {
    if (!stopped) {
      next = scheduler.schedule(this::runCheck, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void runCheck() {
    synchronized (this) {
      if (stopped) {
        return;
      }
    }
    boolean healthy;
    try {
      healthy = checker.check(policy.timeout());
    } catch (RuntimeException e) {
      LOG.warn("health check threw; counting it as a failure", e);
      healthy = false;
    }
    HealthDecision decision;
    synchronized (this) {
      if (stopped) {
        return;
      }
      decision = state.onResult(healthy, clock.instant());
      if (decision.report() || decision.kill()) {
        listener.onHealth(decision.healthy(), decision.kill());
      }
    }
    if (!state.killSignalled()) {
      schedule(policy.interval().toNanos());
    }
  }
}
