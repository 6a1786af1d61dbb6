package io.dcos.marathon.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Marathon's {@code taskStats} of an app: statistics of its tasks grouped by how their version
 * relates to the app's last scaling and last configuration change. A group without tasks is left
 * out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskStatsJson(
    Stats startedAfterLastScaling,
    Stats withLatestConfig,
    Stats withOutdatedConfig,
    Stats totalSummary) {

  /** The {@code {"stats": ...}} wrapper of one group. */
  public record Stats(Summary stats) {}

  /** Counts and, when some task has started, life times. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(Counts counts, LifeTime lifeTime) {}

  /** Tasks by state and health. */
  public record Counts(int staged, int running, int healthy, int unhealthy) {}

  /** Seconds since the tasks started: mean and median. */
  public record LifeTime(double averageSeconds, double medianSeconds) {}
}
