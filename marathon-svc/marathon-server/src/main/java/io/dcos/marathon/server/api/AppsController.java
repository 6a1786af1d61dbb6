package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.GroupRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/apps}: list, create, show, update, patch, delete, restart, versions and the tasks of
 * an app. App ids contain slashes, so sub-resources are told apart by their last segments.
 */
@RestController
public class AppsController {
  static final String DEPLOYMENT_HEADER = "Marathon-Deployment-Id";

  private final AppService apps;
  private final GroupRepository groups;
  private final Orchestration orchestration;
  private final AppViews views;
  private final TaskService tasks;
  private final AppListWriter listWriter;

  public AppsController(
      AppService apps,
      GroupRepository groups,
      Orchestration orchestration,
      AppViews views,
      TaskService tasks,
      AppListWriter listWriter) {
    this.apps = apps;
    this.groups = groups;
    this.orchestration = orchestration;
    this.views = views;
    this.tasks = tasks;
    this.listWriter = listWriter;
  }

  @GetMapping("/v2/apps")
  void list(
      @RequestParam(required = false) String cmd,
      @RequestParam(required = false) String id,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) List<String> embed,
      HttpServletResponse response)
      throws IOException {
    Predicate<Map<String, String>> labels = label == null ? l -> true : LabelSelector.parse(label);
    AppViews.Embed what = AppViews.Embed.of(embeds(embed), "apps");
    List<AppDefinition> selected = new ArrayList<>();
    for (AppDefinition app : groups.apps()) {
      if (cmd != null && (app.cmd() == null || !app.cmd().contains(cmd))) {
        continue;
      }
      if (id != null && !app.id().toString().contains(id)) {
        continue;
      }
      if (labels.test(app.labels())) {
        selected.add(app);
      }
    }
    Map<PathId, List<Instance>> byApp = orchestration.instancesByApp();
    List<ServiceScheduler.DeploymentStatus> deployments = orchestration.deployments();
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    listWriter.write(response.getOutputStream(), selected, byApp, deployments, what);
  }

  @PostMapping("/v2/apps")
  ResponseEntity<Object> create(
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    AppService.Change change =
        apps.create(body, force, request.getRemoteAddr(), request.getRequestURI());
    AppDefinition app = change.apps().get(0);
    AppStatusJson shown = views.withStatus(app, List.of(), List.of(), AppViews.Embed.CREATED);
    AppStatusJson json =
        new AppStatusJson(
            shown.app(),
            0,
            0,
            0,
            0,
            List.of(new ErrorBodies.DeploymentRef(change.plan().id())),
            shown.tasks(),
            null,
            null,
            null);
    return ResponseEntity.created(URI.create("/v2/apps" + app.id()))
        .header(DEPLOYMENT_HEADER, change.plan().id())
        .body(json);
  }

  @PutMapping("/v2/apps")
  ResponseEntity<Object> updateAll(
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "true") boolean partialUpdate,
      HttpServletRequest request) {
    return deployed(
        apps.updateAll(
            body, force, partialUpdate, request.getRemoteAddr(), request.getRequestURI()));
  }

  @PatchMapping("/v2/apps")
  ResponseEntity<Object> patchAll(
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    return deployed(
        apps.updateAll(body, force, true, request.getRemoteAddr(), request.getRequestURI()));
  }

  @GetMapping("/v2/apps/{*path}")
  Object get(
      @PathVariable String path,
      @RequestParam(required = false) List<String> embed,
      @RequestParam(required = false) String status) {
    AppPath p = AppPath.parse(path);
    return switch (p.resource()) {
      case APP -> Map.of("app", show(p.appId(), embeds(embed)));
      case VERSIONS -> {
        apps.current(p.appId());
        yield Map.of(
            "versions", groups.appVersions(p.appId()).stream().map(Instant::toString).toList());
      }
      case VERSION -> views.plain(version(p.appId(), p.rest()));
      case TASKS -> Map.of("tasks", tasks.tasksOf(p.appId()));
      default -> throw ApiException.notFound("Not found: /v2/apps" + path);
    };
  }

  @PutMapping("/v2/apps/{*path}")
  ResponseEntity<Object> update(
      @PathVariable String path,
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "true") boolean partialUpdate,
      HttpServletRequest request) {
    PathId id = AppPath.parse(path).requireApp();
    AppService.Change change =
        apps.update(
            id, body, force, partialUpdate, true, request.getRemoteAddr(), request.getRequestURI());
    return deployed(change);
  }

  @PatchMapping("/v2/apps/{*path}")
  ResponseEntity<Object> patch(
      @PathVariable String path,
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    PathId id = AppPath.parse(path).requireApp();
    return deployed(
        apps.update(
            id, body, force, true, false, request.getRemoteAddr(), request.getRequestURI()));
  }

  @PostMapping("/v2/apps/{*path}")
  ResponseEntity<Object> post(
      @PathVariable String path, @RequestParam(defaultValue = "false") boolean force) {
    AppPath p = AppPath.parse(path);
    if (p.resource() != AppPath.Resource.RESTART) {
      throw ApiException.of(HttpStatus.METHOD_NOT_ALLOWED, "Use POST /v2/apps to create an app");
    }
    return deployed(apps.restart(p.appId(), force));
  }

  @DeleteMapping("/v2/apps/{*path}")
  ResponseEntity<Object> delete(
      @PathVariable String path,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean scale,
      @RequestParam(defaultValue = "false") boolean wipe,
      @RequestParam(required = false) String host) {
    AppPath p = AppPath.parse(path);
    return switch (p.resource()) {
      case APP -> deployed(apps.delete(p.appId(), force));
      case TASKS -> tasks.killAppTasks(p.appId(), host, scale, wipe);
      case TASK -> tasks.killAppTask(p.appId(), p.rest(), scale, wipe);
      default -> throw ApiException.notFound("Not found: /v2/apps" + path);
    };
  }

  private AppStatusJson show(PathId id, Set<String> embed) {
    AppDefinition app = apps.current(id);
    return views.withStatus(
        app,
        orchestration.instances(id),
        orchestration.deployments(),
        AppViews.Embed.forShow(embed));
  }

  private AppDefinition version(PathId id, String version) {
    apps.current(id);
    try {
      return groups
          .appAt(id, Instant.parse(version))
          .orElseThrow(
              () -> ApiException.notFound("App '" + id + "' does not exist in version " + version));
    } catch (DateTimeParseException e) {
      throw ApiException.notFound("App '" + id + "' does not exist in version " + version);
    }
  }

  static ResponseEntity<Object> deployed(AppService.Change change) {
    ResponseEntity.BodyBuilder b =
        change.created() && change.apps().size() == 1
            ? ResponseEntity.created(URI.create("/v2/apps" + change.apps().get(0).id()))
            : ResponseEntity.ok();
    return b.header(DEPLOYMENT_HEADER, change.plan().id()).body(DeploymentResult.of(change.plan()));
  }

  static Set<String> embeds(List<String> embed) {
    Set<String> out = new HashSet<>();
    if (embed != null) {
      for (String e : embed) {
        out.addAll(List.of(e.split(",")));
      }
    }
    return out;
  }
}
