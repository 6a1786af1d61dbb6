package io.dcos.marathon.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.model.VersionInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A scenario DSL for the planner: seed the original root group, change it, plan, and assert on the
 * steps written as {@code "StopApplication /a, StartApplication /b"} lines.
 */
final class PlannerScenario {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private RootGroup original = RootGroup.empty(T0);
  private RootGroup target;
  private Instant clock = T0;
  private DeploymentPlan plan;

  static PlannerScenario given(AppDefinition... apps) {
    PlannerScenario s = new PlannerScenario();
    for (AppDefinition app : apps) {
      s.original = s.original.putApp(stored(app, T0), T0);
    }
    s.target = s.original;
    return s;
  }

  static AppDefinition app(String id, int instances, String... dependencies) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd("sleep 1000")
        .instances(instances)
        .dependencies(Arrays.stream(dependencies).map(PathId::parse).collect(Collectors.toSet()))
        .build();
  }

  private static AppDefinition stored(AppDefinition app, Instant at) {
    return app.toBuilder().versionInfo(VersionInfo.initial(at)).build();
  }

  private Instant tick() {
    clock = clock.plusSeconds(1);
    return clock;
  }

  PlannerScenario put(AppDefinition app) {
    Instant at = tick();
    target = target.putApp(stored(app, at), at);
    return this;
  }

  PlannerScenario remove(String id) {
    Instant at = tick();
    target = target.removeApp(PathId.parse(id), at);
    return this;
  }

  PlannerScenario scale(String id, int instances) {
    Instant at = tick();
    AppDefinition old = target.app(PathId.parse(id)).orElseThrow();
    target =
        target.putApp(
            old.toBuilder()
                .instances(instances)
                .versionInfo(old.versionInfo().scaledAt(at))
                .build(),
            at);
    return this;
  }

  PlannerScenario change(String id, UnaryOperator<AppDefinition.Builder> edit) {
    Instant at = tick();
    AppDefinition old = target.app(PathId.parse(id)).orElseThrow();
    target =
        target.putApp(
            edit.apply(old.toBuilder()).versionInfo(old.versionInfo().configChangedAt(at)).build(),
            at);
    return this;
  }

  PlannerScenario restart(String id) {
    return change(id, b -> b);
  }

  PlannerScenario plan() {
    plan = DeploymentPlanner.plan("d1", original, target);
    return this;
  }

  PlannerScenario expectSteps(String... steps) {
    List<String> actual =
        plan.steps().stream()
            .map(
                s ->
                    s.actions().stream()
                        .map(a -> a.name() + " " + a.appId())
                        .sorted()
                        .collect(Collectors.joining(", ")))
            .toList();
    assertThat(actual).containsExactly(steps);
    return this;
  }

  PlannerScenario expectAffected(String... apps) {
    assertThat(plan.affectedApps())
        .isEqualTo(Arrays.stream(apps).map(PathId::parse).collect(Collectors.toSet()));
    return this;
  }

  PlannerScenario expectScaleTo(String id, int n) {
    assertThat(
            plan.steps().stream()
                .flatMap(s -> s.actions().stream())
                .filter(a -> a instanceof DeploymentAction.ScaleApplication)
                .filter(a -> a.appId().equals(PathId.parse(id)))
                .map(a -> ((DeploymentAction.ScaleApplication) a).scaleTo()))
        .containsExactly(n);
    return this;
  }

  DeploymentPlan result() {
    return plan;
  }

  Set<PathId> ids(String... ids) {
    return Arrays.stream(ids).map(PathId::parse).collect(Collectors.toSet());
  }
}
