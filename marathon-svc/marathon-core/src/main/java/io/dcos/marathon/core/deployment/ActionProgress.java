package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.deployment.DeploymentAction.ResolveArtifacts;
import io.dcos.marathon.core.deployment.DeploymentAction.RestartApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.ScaleApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.StartApplication;
import io.dcos.marathon.core.deployment.DeploymentAction.StopApplication;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.KillSelector;
import io.dcos.marathon.core.model.AppDefinition;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Evaluates a deployment action against the app's current instances and says what to do next.
 * Because the orders derive only from the instances, re-evaluating after a restart or a leader
 * change continues where the plan stood. Invariant: pure.
 */
public final class ActionProgress {
  private ActionProgress() {}

  /**
   * The orders for {@code action}. {@code instances} are the app's instances that exist (not
   * expunged); {@code ready} says whether an instance is running, healthy and ready.
   */
  public static ActionOrders evaluate(
      DeploymentAction action, List<Instance> instances, Predicate<Instance> ready) {
    AppDefinition app = action.app();
    List<Instance> alive = instances.stream().filter(i -> i.condition().active()).toList();
    List<Instance> serving = alive.stream().filter(i -> i.goal() == Goal.RUNNING).toList();
    if (action instanceof StartApplication || action instanceof ResolveArtifacts) {
      return ActionOrders.finished(app);
    }
    if (action instanceof StopApplication) {
      if (instances.stream().allMatch(i -> !i.condition().active())) {
        return ActionOrders.finished(app);
      }
      return new ActionOrders(app, 0, serving, false);
    }
    if (action instanceof ScaleApplication scale) {
      int n = scale.scaleTo();
      int surplus = serving.size() - n;
      List<Instance> kill = KillSelector.select(serving, surplus, app.killSelection());
      int wanted = Math.max(0, n - serving.size());
      boolean dying = alive.size() > serving.size();
      long readyCount = serving.stream().filter(ready).count();
      if (surplus <= 0 && wanted == 0 && !dying && readyCount >= n) {
        return ActionOrders.finished(app);
      }
      return new ActionOrders(app, wanted, kill, false);
    }
    RestartApplication restart = (RestartApplication) action;
    Instant version = version(restart.app());
    List<Instance> oldServing =
        serving.stream().filter(i -> !i.appVersion().equals(version)).toList();
    List<Instance> newServing =
        serving.stream().filter(i -> i.appVersion().equals(version)).toList();
    int oldDying =
        (int)
            alive.stream()
                .filter(i -> i.goal() != Goal.RUNNING && !i.appVersion().equals(version))
                .count();
    int newReady = (int) newServing.stream().filter(ready).count();
    RollingRestart.Decision d =
        RollingRestart.next(
            app.upgradeStrategy(),
            new RollingRestart.Counts(
                app.instances(), oldServing.size(), oldDying, newServing.size(), newReady));
    if (d.done()) {
      return ActionOrders.finished(app);
    }
    List<Instance> kill = KillSelector.select(oldServing, d.killOld(), app.killSelection());
    return new ActionOrders(app, Math.max(0, d.newWanted() - newServing.size()), kill, false);
  }

  /** The version instances of {@code app} are launched with. */
  public static Instant version(AppDefinition app) {
    return app.versionInfo() == null ? Instant.EPOCH : app.versionInfo().lastConfigChangeAt();
  }
}
