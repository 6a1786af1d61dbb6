package io.dcos.marathon.server.api;

import io.dcos.marathon.core.deployment.DeploymentAction;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.util.List;

/** A deployment in Marathon's JSON ({@code GET /v2/deployments}, events, dry runs). */
public record DeploymentJson(
    String id,
    String version,
    List<String> affectedApps,
    List<String> affectedPods,
    List<StepJson> steps,
    List<CurrentActionJson> currentActions,
    int currentStep,
    int totalSteps) {

  /** One step: actions run together. */
  public record StepJson(List<ActionJson> actions) {}

  /** {@code {"action": "ScaleApplication", "app": "/x"}}. */
  public record ActionJson(String action, String app) {}

  /** An action of the current step with the readiness of its new tasks. */
  public record CurrentActionJson(
      String action, String app, List<ServiceScheduler.ReadinessResult> readinessCheckResults) {}

  /** The JSON of a plan that has not started ({@code currentStep} 0). */
  public static DeploymentJson of(DeploymentPlan plan) {
    return of(plan, 0, List.of());
  }

  /** The JSON of a running deployment. */
  public static DeploymentJson of(ServiceScheduler.DeploymentStatus status) {
    return of(status.plan(), status.currentStep(), status.readinessCheckResults());
  }

  private static DeploymentJson of(
      DeploymentPlan plan, int currentStep, List<ServiceScheduler.ReadinessResult> readiness) {
    List<StepJson> steps =
        plan.steps().stream()
            .map(s -> new StepJson(s.actions().stream().map(DeploymentJson::action).toList()))
            .toList();
    List<CurrentActionJson> current =
        currentStep >= 1 && currentStep <= plan.steps().size()
            ? plan.steps().get(currentStep - 1).actions().stream()
                .map(a -> new CurrentActionJson(a.name(), a.appId().toString(), readiness))
                .toList()
            : List.of();
    return new DeploymentJson(
        plan.id(),
        plan.version().toString(),
        plan.affectedApps().stream().map(PathId::toString).toList(),
        List.of(),
        steps,
        current,
        currentStep,
        plan.steps().size());
  }

  private static ActionJson action(DeploymentAction a) {
    return new ActionJson(a.name(), a.appId().toString());
  }
}
