package io.dcos.kernel.simulator;

import io.dcos.kernel.simulator.tasks.TaskScript;
import io.grpc.ManagedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What all simulated agents of a cluster share: the pool that runs them, timing, clock, task
 * script, and the one channel to the leading master. Invariant: {@link #channel()} is the channel
 * to the current leader, or null while no leader is known.
 */
final class SimulationContext {
  final ScheduledExecutorService pool;
  final SimulatorSettings settings;
  final Clock clock;
  final TaskScript script;
  private volatile ManagedChannel channel;

  SimulationContext(
      ScheduledExecutorService pool, SimulatorSettings settings, Clock clock, TaskScript script) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.script = script;
  }

  ManagedChannel channel() {
    return channel;
  }

  void channel(ManagedChannel next) {
    channel = next;
  }

  /** Runs {@code task} on {@code serial} after {@code delay}; null when the pool is shut down. */
  ScheduledFuture<?> schedule(SerialExecutor serial, Duration delay, Runnable task) {
    try {
      return pool.schedule(() -> serial.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }
}
