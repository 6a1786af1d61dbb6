package io.dcos.marathon.server.api;

import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.VersionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Computes {@link TaskStatsJson} as Marathon does: a task counts as started after the last scaling
 * when its app version is not older than {@code lastScalingAt}, with the latest config when not
 * older than {@code lastConfigChangeAt}; life times run from {@code startedAt} to now and the
 * median is the middle element (the upper one of an even count).
 */
public final class TaskStatistics {
  private TaskStatistics() {}

  /** The stats of the live (non-terminal) {@code instances} of an app with {@code info}. */
  public static TaskStatsJson of(List<Instance> instances, VersionInfo info, Instant now) {
    List<Instance> live = instances.stream().filter(i -> !i.condition().terminal()).toList();
    return new TaskStatsJson(
        info == null ? null : group(live, i -> !i.appVersion().isBefore(info.lastScalingAt()), now),
        info == null
            ? null
            : group(live, i -> !i.appVersion().isBefore(info.lastConfigChangeAt()), now),
        info == null
            ? null
            : group(live, i -> i.appVersion().isBefore(info.lastConfigChangeAt()), now),
        group(live, i -> true, now));
  }

  private static TaskStatsJson.Stats group(
      List<Instance> live, Predicate<Instance> member, Instant now) {
    int staged = 0;
    int running = 0;
    int healthy = 0;
    int unhealthy = 0;
    int members = 0;
    List<Double> lifeTimes = new ArrayList<>();
    for (Instance i : live) {
      if (!member.test(i)) {
        continue;
      }
      members++;
      if (staged(i.condition())) {
        staged++;
      } else if (i.condition() == Condition.RUNNING) {
        running++;
      }
      if (Boolean.TRUE.equals(i.healthy())) {
        healthy++;
      } else if (Boolean.FALSE.equals(i.healthy())) {
        unhealthy++;
      }
      if (i.startedAt() != null) {
        lifeTimes.add(Duration.between(i.startedAt(), now).toMillis() / 1000.0);
      }
    }
    if (members == 0) {
      return null;
    }
    TaskStatsJson.LifeTime lifeTime = null;
    if (!lifeTimes.isEmpty()) {
      lifeTimes.sort(null);
      double sum = 0;
      for (double t : lifeTimes) {
        sum += t;
      }
      lifeTime =
          new TaskStatsJson.LifeTime(sum / lifeTimes.size(), lifeTimes.get(lifeTimes.size() / 2));
    }
    return new TaskStatsJson.Stats(
        new TaskStatsJson.Summary(
            new TaskStatsJson.Counts(staged, running, healthy, unhealthy), lifeTime));
  }

  /** Conditions shown as staged in the app's counts. */
  static boolean staged(Condition c) {
    return c == Condition.PROVISIONED || c == Condition.STAGING || c == Condition.STARTING;
  }
}
