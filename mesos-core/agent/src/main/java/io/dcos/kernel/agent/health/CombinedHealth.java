package io.dcos.kernel.agent.health;

import java.util.Arrays;

/**
 * The health of a task with several checks, as Marathon judges an app's task: healthy once every
 * check has passed and while all still pass, unhealthy as soon as one fails, and to be killed when
 * any check asks for it. Each check's own {@link HealthState} decides when it reports; this
 * combines those reports. Pure and thread-safe.
 */
public final class CombinedHealth {
  private final Boolean[] latest;
  private Boolean reported;
  private boolean killSignalled;

  public CombinedHealth(int checks) {
    if (checks < 1) {
      throw new IllegalArgumentException("a task with health checking has at least one check");
    }
    this.latest = new Boolean[checks];
  }

  /**
   * One check's report.
   *
   * @return the decision for the task: {@code report} when the combined health became known or
   *     changed, {@code kill} once, the first time any check asks for it
   */
  public synchronized HealthDecision onReport(int check, boolean healthy, boolean kill) {
    latest[check] = healthy;
    Boolean combined = combined();
    boolean report = combined != null && !combined.equals(reported);
    if (report) {
      reported = combined;
    }
    boolean killNow = kill && !killSignalled;
    killSignalled |= killNow;
    return new HealthDecision(
        report || killNow, Boolean.TRUE.equals(combined) && !killNow, killNow, 0);
  }

  private Boolean combined() {
    if (Arrays.asList(latest).contains(Boolean.FALSE)) {
      return false;
    }
    return Arrays.asList(latest).contains(null) ? null : true;
  }
}
