package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.deployment.DeploymentAction;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.deployment.DeploymentStep;
import java.util.List;

/**
 * A plan being carried out and the index of its current step. Invariant: {@code 0 <= step <=
 * steps}; {@code step == steps} means finished.
 */
record RunningDeployment(DeploymentPlan plan, int step) {

  boolean finished() {
    return step >= plan.steps().size();
  }

  List<DeploymentAction> currentActions() {
    return finished() ? List.of() : plan.steps().get(step).actions();
  }

  DeploymentStep currentStep() {
    return plan.steps().get(step);
  }

  RunningDeployment next() {
    return new RunningDeployment(plan, step + 1);
  }
}
