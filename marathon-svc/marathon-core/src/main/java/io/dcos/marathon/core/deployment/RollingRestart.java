package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.model.UpgradeStrategy;

/**
 * The arithmetic of a rolling restart. At every moment at least {@code ceil(n *
 * minimumHealthCapacity)} instances serve (old ones not being killed plus new ready ones) and at
 * most {@code n + ceil(n * maximumOverCapacity)} exist (old, old being killed, new and queued).
 * When both bounds equal {@code n} no progress is possible within them, so one old instance is
 * killed first, as Marathon does. Invariant: pure; the decision depends only on the counts, so
 * repeating it after a failover gives the same answer.
 */
public final class RollingRestart {
  private RollingRestart() {}

  /**
   * Where a restart stands. {@code oldServing}: old instances not being killed; {@code oldDying}:
   * old instances being killed but not gone; {@code newActive}: new instances launched and not
   * gone; {@code newReady}: new instances running, healthy and ready.
   */
  public record Counts(int target, int oldServing, int oldDying, int newActive, int newReady) {}

  /**
   * What to do now: kill {@code killOld} more old instances (least valuable first) and have {@code
   * newWanted} new instances launched or waiting in the queue.
   */
  public record Decision(int killOld, int newWanted, boolean done) {}

  /** The next decision for {@code counts} under {@code strategy}. */
  public static Decision next(UpgradeStrategy strategy, Counts c) {
    int n = c.target();
    if (c.oldServing() == 0 && c.oldDying() == 0 && c.newReady() >= n && c.newActive() == n) {
      return new Decision(0, n, true);
    }
    int minHealthy = strategy.minimumHealthy(n);
    int maxCapacity = n + strategy.maximumExtra(n);
    int killOld = Math.min(c.oldServing(), Math.max(0, c.oldServing() + c.newReady() - minHealthy));
    int launch = launchable(c, maxCapacity);
    boolean waiting = c.newActive() > c.newReady() || c.oldDying() > 0;
    if (killOld == 0 && launch == 0 && !waiting && c.oldServing() > 0) {
      killOld = 1;
      launch = launchable(c, maxCapacity);
    }
    return new Decision(killOld, c.newActive() + launch, false);
  }

  /** Killed instances hold their resources until they are gone, so kills free no room yet. */
  private static int launchable(Counts c, int maxCapacity) {
    int existing = c.oldServing() + c.oldDying() + c.newActive();
    return Math.max(0, Math.min(c.target() - c.newActive(), maxCapacity - existing));
  }
}
