package io.dcos.marathon.core.deployment;

import java.util.List;

/**
 * Actions that run together; the next step starts when all of them are done. Invariant: not empty
 * and at most one action per app.
 */
public record DeploymentStep(List<DeploymentAction> actions) {
  public DeploymentStep {
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("a step has at least one action");
    }
    if (actions.stream().map(DeploymentAction::appId).distinct().count() != actions.size()) {
      throw new IllegalArgumentException("one action per app in a step");
    }
  }
}
