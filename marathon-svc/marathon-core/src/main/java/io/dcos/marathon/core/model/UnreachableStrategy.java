package io.dcos.marathon.core.model;

import java.time.Duration;

/**
 * What to do with instances on unreachable agents: replace after {@code inactiveAfter}, forget
 * after {@code expungeAfter}; or nothing when disabled.
 */
public record UnreachableStrategy(boolean enabled, Duration inactiveAfter, Duration expungeAfter) {
  /** Marathon's default for apps: replace at once, expunge at once. */
  public static final UnreachableStrategy DEFAULT =
      new UnreachableStrategy(true, Duration.ZERO, Duration.ZERO);

  /** {@code "disabled"}: unreachable instances are never replaced. */
  public static final UnreachableStrategy DISABLED =
      new UnreachableStrategy(false, Duration.ZERO, Duration.ZERO);

  public static UnreachableStrategy of(Duration inactiveAfter, Duration expungeAfter) {
    return new UnreachableStrategy(true, inactiveAfter, expungeAfter);
  }
}
