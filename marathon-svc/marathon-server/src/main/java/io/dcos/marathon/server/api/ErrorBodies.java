package io.dcos.marathon.server.api;

import io.dcos.marathon.core.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Marathon's error JSON shapes. */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** {@code {"message": ...}}. */
  public record Message(String message) {}

  /** {@code {"path": "/id", "errors": [...]}}. */
  public record Detail(String path, List<String> errors) {}

  /** {@code {"message": ..., "details": [...]}}. */
  public record WithDetails(String message, List<Detail> details) {}

  /** {@code {"id": ...}} of a blocking deployment. */
  public record DeploymentRef(String id) {}

  /** The 409 body for apps locked by deployments. */
  public record Locked(String message, List<DeploymentRef> deployments) {}

  public static WithDetails invalid(List<Violation> violations) {
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    for (Violation v : violations) {
      byPath.computeIfAbsent(v.path(), p -> new ArrayList<>()).add(v.message());
    }
    List<Detail> details = new ArrayList<>();
    byPath.forEach((path, errors) -> details.add(new Detail(path, errors)));
    return new WithDetails("Object is not valid", details);
  }

  public static Locked locked(List<String> deploymentIds) {
    return new Locked(
        "App is locked by one or more deployments. Override with the option '?force=true'."
            + " View details at '/v2/deployments/<DEPLOYMENT_ID>'.",
        deploymentIds.stream().map(DeploymentRef::new).toList());
  }
}
