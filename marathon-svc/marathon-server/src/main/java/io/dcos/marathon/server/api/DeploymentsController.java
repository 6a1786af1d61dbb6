package io.dcos.marathon.server.api;

import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/deployments} and {@code /v2/queue}: running plans and the launch queue. */
@RestController
public class DeploymentsController {
  private final Orchestration orchestration;
  private final AppViews views;

  public DeploymentsController(Orchestration orchestration, AppViews views) {
    this.orchestration = orchestration;
    this.views = views;
  }

  @GetMapping("/v2/deployments")
  List<DeploymentJson> deployments() {
    return orchestration.deployments().stream().map(DeploymentJson::of).toList();
  }

  /**
   * Rolls the deployment back (200 and the rollback), or with {@code force} only stops it (202).
   */
  @DeleteMapping("/v2/deployments/{id}")
  ResponseEntity<Object> cancel(
      @PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
    ServiceScheduler.CancelResult result = orchestration.required().cancel(id, force);
    if (result instanceof ServiceScheduler.CancelResult.RolledBack r) {
      return ResponseEntity.ok()
          .header(AppsController.DEPLOYMENT_HEADER, r.rollback().id())
          .body(DeploymentResult.of(r.rollback()));
    }
    if (result instanceof ServiceScheduler.CancelResult.Cancelled) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
    throw ApiException.notFound("DeploymentPlan " + id + " does not exist");
  }

  @GetMapping("/v2/queue")
  Map<String, Object> queue() {
    List<QueueEntry> entries =
        orchestration.scheduler().map(ServiceScheduler::queue).orElse(List.of());
    return Map.of(
        "queue",
        entries.stream()
            .map(
                e ->
                    Map.of(
                        "app", views.plain(e.app()),
                        "count", e.count(),
                        "delay",
                            Map.of(
                                "timeLeftSeconds", e.timeLeft().toSeconds(),
                                "overdue", e.overdue())))
            .toList());
  }

  @DeleteMapping("/v2/queue/{*path}")
  ResponseEntity<Object> resetDelay(@PathVariable String path) {
    PathId full = PathId.parse(path);
    if (full.isRoot() || !full.name().equals("delay")) {
      throw ApiException.notFound("Not found: /v2/queue" + path);
    }
    PathId appId = full.parent();
    if (!orchestration.required().resetDelay(appId)) {
      throw ApiException.appNotFound(appId);
    }
    return ResponseEntity.noContent().build();
  }
}
