package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.placement.AgentPlace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskStatisticsTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final PathId APP = PathId.parse("/web/app");

  static Instance instance(
      Instant version, Condition condition, Boolean healthy, Instant startedAt) {
    return new Instance(
        new InstanceId(APP, UUID.randomUUID().toString()),
        version,
        1,
        new AgentPlace("agent-1", "10.0.0.1", Map.of(), Optional.empty(), Optional.empty()),
        List.of(31000),
        condition,
        Goal.RUNNING,
        healthy,
        version,
        startedAt,
        null);
  }

  @Test
  void groupsTasksByTheirVersionAgainstTheLastScalingAndConfigChange() {
    Instant configAt = T0;
    Instant scaledAt = T0.plusSeconds(100);
    VersionInfo info = new VersionInfo(scaledAt, scaledAt, configAt);
    Instant now = T0.plusSeconds(1000);
    List<Instance> instances =
        List.of(
            // Outdated config, started 500 s ago, unhealthy.
            instance(T0.minusSeconds(50), Condition.RUNNING, false, now.minusSeconds(500)),
            // Latest config, before the scaling: running 100 s, healthy.
            instance(configAt, Condition.RUNNING, true, now.minusSeconds(100)),
            // After the scaling: running 10 s and one staging.
            instance(scaledAt, Condition.RUNNING, true, now.minusSeconds(10)),
            instance(scaledAt, Condition.STAGING, null, null),
            // Gone: not counted.
            instance(scaledAt, Condition.FAILED, null, null));

    TaskStatsJson stats = TaskStatistics.of(instances, info, now);

    assertThat(stats.totalSummary().stats().counts())
        .isEqualTo(new TaskStatsJson.Counts(1, 3, 2, 1));
    assertThat(stats.totalSummary().stats().lifeTime())
        .isEqualTo(new TaskStatsJson.LifeTime((500 + 100 + 10) / 3.0, 100));
    assertThat(stats.withLatestConfig().stats().counts())
        .isEqualTo(new TaskStatsJson.Counts(1, 2, 2, 0));
    assertThat(stats.withOutdatedConfig().stats().counts())
        .isEqualTo(new TaskStatsJson.Counts(0, 1, 0, 1));
    assertThat(stats.withOutdatedConfig().stats().lifeTime())
        .isEqualTo(new TaskStatsJson.LifeTime(500, 500));
    assertThat(stats.startedAfterLastScaling().stats().counts())
        .isEqualTo(new TaskStatsJson.Counts(1, 1, 1, 0));
    // The median of an even count is the upper middle element, as in Marathon.
    assertThat(stats.withLatestConfig().stats().lifeTime().medianSeconds()).isEqualTo(100);
  }

  @Test
  void groupsWithoutTasksAreLeftOutAndLifeTimeNeedsAStartedTask() {
    VersionInfo info = VersionInfo.initial(T0);
    TaskStatsJson none = TaskStatistics.of(List.of(), info, T0);
    assertThat(none).isEqualTo(new TaskStatsJson(null, null, null, null));

    TaskStatsJson staging =
        TaskStatistics.of(List.of(instance(T0, Condition.STAGING, null, null)), info, T0);
    assertThat(staging.withOutdatedConfig()).isNull();
    assertThat(staging.totalSummary().stats().lifeTime()).isNull();
    assertThat(staging.totalSummary().stats().counts())
        .isEqualTo(new TaskStatsJson.Counts(1, 0, 0, 0));
  }
}
