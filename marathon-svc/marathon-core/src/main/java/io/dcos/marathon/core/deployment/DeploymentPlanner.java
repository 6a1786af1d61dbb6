package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.deployment.DeploymentAction.ResolveArtifacts;
import io.dcos.marathon.core.deployment.DeploymentAction.RestartApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.ScaleApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.StartApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.StopApplication;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.model.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the plan from an original to a target root group, as Marathon orders it: stop removed
 * apps, start new apps at zero instances, resolve artifacts, then scale or restart apps level by
 * level of the target's dependency order, so an app changes only after what it depends on.
 * Invariant: pure; the target must be free of dependency cycles (validation rejects cycles first).
 */
public final class DeploymentPlanner {
  private DeploymentPlanner() {}

  /** The plan named {@code id} that turns {@code original} into {@code target}. */
  public static DeploymentPlan plan(String id, RootGroup original, RootGroup target) {
    Map<PathId, AppDefinition> before = byId(original.apps());
    Map<PathId, AppDefinition> after = byId(target.apps());
    List<DeploymentStep> steps = new ArrayList<>();

    List<DeploymentAction> stops = new ArrayList<>();
    before.values().stream()
        .filter(app -> !after.containsKey(app.id()))
        .forEach(app -> stops.add(new StopApplication(app)));
    addStep(steps, stops);

    List<DeploymentAction> starts = new ArrayList<>();
    List<DeploymentAction> artifacts = new ArrayList<>();
    after.values().stream()
        .filter(app -> !before.containsKey(app.id()))
        .forEach(app -> starts.add(new StartApplication(app.toBuilder().instances(0).build())));
    after.values().stream()
        .filter(app -> !app.storeUrls().isEmpty())
        .filter(app -> !before.containsKey(app.id()) || needsRestart(before.get(app.id()), app))
        .forEach(app -> artifacts.add(new ResolveArtifacts(app)));
    addStep(steps, starts);
    addStep(steps, artifacts);

    for (List<AppDefinition> level : target.dependencyLevels()) {
      List<DeploymentAction> actions = new ArrayList<>();
      for (AppDefinition app : level) {
        AppDefinition old = before.get(app.id());
        if (old == null) {
          if (app.instances() > 0) {
            actions.add(new ScaleApplication(app, app.instances()));
          }
        } else if (needsRestart(old, app)) {
          actions.add(new RestartApplication(app));
        } else if (old.instances() != app.instances()) {
          actions.add(new ScaleApplication(app, app.instances()));
        }
      }
      addStep(steps, actions);
    }
    return new DeploymentPlan(id, original, target, steps, target.version());
  }

  /**
   * True when the tasks of {@code old} must be replaced to run {@code next}: any field other than
   * the instance count and the version differs, or a restart was asked for (a new config time).
   */
  public static boolean needsRestart(AppDefinition old, AppDefinition next) {
    if (!comparable(old).equals(comparable(next))) {
      return true;
    }
    VersionInfo a = old.versionInfo();
    VersionInfo b = next.versionInfo();
    return a != null
        && b != null
        && !Objects.equals(a.lastConfigChangeAt(), b.lastConfigChangeAt());
  }

  private static AppDefinition comparable(AppDefinition app) {
    return app.toBuilder().instances(0).versionInfo(null).build();
  }

  private static void addStep(List<DeploymentStep> steps, List<DeploymentAction> actions) {
    if (!actions.isEmpty()) {
      steps.add(new DeploymentStep(actions));
    }
  }

  private static Map<PathId, AppDefinition> byId(List<AppDefinition> apps) {
    return apps.stream()
        .collect(
            Collectors.toMap(
                AppDefinition::id, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
  }
}
