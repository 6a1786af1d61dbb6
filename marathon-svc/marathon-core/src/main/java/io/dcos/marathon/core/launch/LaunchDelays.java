package io.dcos.marathon.core.launch;

import io.dcos.marathon.core.model.BackoffStrategy;
import io.dcos.marathon.core.model.PathId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launch backoff of every app: after the n-th failure in a row (TASK_FAILED or TASK_FINISHED)
 * the next launch waits {@code backoffSeconds * backoffFactor^(n-1)}, at most {@code
 * maxLaunchDelaySeconds}. Reset by a running and healthy instance, a new version or an explicit
 * reset. Invariant: time comes only from the injected clock; not thread-safe (one owner).
 */
public final class LaunchDelays {
  private final Clock clock;
  private final Map<PathId, Delay> delays = new HashMap<>();

  /** One app's backoff: failures in a row and when launching may resume. */
  public record Delay(int failures, Instant until) {}

  public LaunchDelays(Clock clock) {
    this.clock = clock;
  }

  /** Records a failed or finished instance of {@code appId} and returns the new delay. */
  public Delay failed(PathId appId, BackoffStrategy strategy) {
    int failures = delays.containsKey(appId) ? delays.get(appId).failures() + 1 : 1;
    Delay delay = new Delay(failures, clock.instant().plus(strategy.delayAfter(failures)));
    delays.put(appId, delay);
    return delay;
  }

  /** Forgets the backoff of {@code appId}; its next launch may happen at once. */
  public void reset(PathId appId) {
    delays.remove(appId);
  }

  /** True when instances of {@code appId} may be launched now. */
  public boolean mayLaunch(PathId appId) {
    Delay d = delays.get(appId);
    return d == null || !clock.instant().isBefore(d.until());
  }

  /** How long launches of {@code appId} still wait; zero when they may happen now. */
  public Duration timeLeft(PathId appId) {
    Delay d = delays.get(appId);
    if (d == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), d.until());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The current backoff of {@code appId}, if it has failed recently. */
  public Optional<Delay> delay(PathId appId) {
    return Optional.ofNullable(delays.get(appId));
  }
}
