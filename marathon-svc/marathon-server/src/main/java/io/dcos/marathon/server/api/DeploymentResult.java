package io.dcos.marathon.server.api;

import io.dcos.marathon.core.deployment.DeploymentPlan;

/** Marathon's answer to a change: {@code {"deploymentId": ..., "version": ...}}. */
public record DeploymentResult(String deploymentId, String version) {
  public static DeploymentResult of(DeploymentPlan plan) {
    return new DeploymentResult(plan.id(), plan.version().toString());
  }
}
