package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The change from one root group to another as ordered steps. {@code version} is the target's
 * version. Invariant: immutable; {@link #affectedApps()} holds every app an action touches, the set
 * that locks those apps against other deployments.
 */
public record DeploymentPlan(
    String id, RootGroup original, RootGroup target, List<DeploymentStep> steps, Instant version) {

  public DeploymentPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(version, "version");
    steps = List.copyOf(steps);
  }

  /** The apps this plan changes. */
  public Set<PathId> affectedApps() {
    Set<PathId> out = new TreeSet<>();
    steps.forEach(s -> s.actions().forEach(a -> out.add(a.appId())));
    return out;
  }

  /** True when the plan changes no app (still a deployment in Marathon's API). */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** True when this plan and {@code other} change a common app. */
  public boolean conflictsWith(DeploymentPlan other) {
    return affectedApps().stream().anyMatch(other.affectedApps()::contains);
  }
}
