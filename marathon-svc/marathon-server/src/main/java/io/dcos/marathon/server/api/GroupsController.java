package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.GroupRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** {@code /v2/groups}: the tree of apps; create, update, scale, roll back, delete, dry run. */
@RestController
public class GroupsController {
  private final GroupService service;
  private final GroupRepository groups;
  private final Orchestration orchestration;
  private final AppViews views;
  private final ObjectMapper mapper;

  public GroupsController(
      GroupService service,
      GroupRepository groups,
      Orchestration orchestration,
      AppViews views,
      ObjectMapper mapper) {
    this.service = service;
    this.groups = groups;
    this.orchestration = orchestration;
    this.views = views;
    this.mapper = mapper;
  }

  @GetMapping({"/v2/groups", "/v2/groups/{*path}"})
  Object get(
      @PathVariable(required = false) String path,
      @RequestParam(required = false) List<String> embed) {
    PathId full = PathId.parse(path == null ? "/" : path);
    if (!full.isRoot() && full.name().equals("versions")) {
      PathId id = full.parent();
      require(id);
      return Map.of(
          "versions",
          groups.rootVersions().stream()
              .filter(v -> groups.rootAt(v).flatMap(r -> r.group(id)).isPresent())
              .map(Instant::toString)
              .toList());
    }
    Group group = require(full);
    Set<String> e = AppsController.embeds(embed);
    return render(group, e);
  }

  @PostMapping({"/v2/groups", "/v2/groups/{*path}"})
  ResponseEntity<Object> create(
      @PathVariable(required = false) String path,
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    PathId base = PathId.parse(path == null ? "/" : path);
    GroupService.Outcome outcome = service.create(base, body, force, dryRun);
    if (outcome.dryRun()) {
      return ResponseEntity.ok(dryRunBody(outcome));
    }
    String id =
        body.path("id").isTextual()
            ? base.resolve(body.get("id").asText()).toString()
            : base.toString();
    return ResponseEntity.created(URI.create("/v2/groups" + id))
        .header(AppsController.DEPLOYMENT_HEADER, outcome.plan().id())
        .body(DeploymentResult.of(outcome.plan()));
  }

  @PutMapping({"/v2/groups", "/v2/groups/{*path}"})
  ResponseEntity<Object> update(
      @PathVariable(required = false) String path,
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return updated(path, body, force, dryRun);
  }

  @PatchMapping({"/v2/groups", "/v2/groups/{*path}"})
  ResponseEntity<Object> patch(
      @PathVariable(required = false) String path,
      @RequestBody JsonNode body,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return updated(path, body, force, dryRun);
  }

  @DeleteMapping({"/v2/groups", "/v2/groups/{*path}"})
  ResponseEntity<Object> delete(
      @PathVariable(required = false) String path,
      @RequestParam(defaultValue = "false") boolean force) {
    GroupService.Outcome outcome = service.delete(PathId.parse(path == null ? "/" : path), force);
    return ResponseEntity.ok()
        .header(AppsController.DEPLOYMENT_HEADER, outcome.plan().id())
        .body(DeploymentResult.of(outcome.plan()));
  }

  private ResponseEntity<Object> updated(
      String path, JsonNode body, boolean force, boolean dryRun) {
    GroupService.Outcome outcome =
        service.update(PathId.parse(path == null ? "/" : path), body, force, dryRun);
    if (outcome.dryRun()) {
      return ResponseEntity.ok(dryRunBody(outcome));
    }
    return ResponseEntity.ok()
        .header(AppsController.DEPLOYMENT_HEADER, outcome.plan().id())
        .body(DeploymentResult.of(outcome.plan()));
  }

  private Object dryRunBody(GroupService.Outcome outcome) {
    return Map.of("steps", DeploymentJson.of(outcome.plan()).steps());
  }

  private Group require(PathId id) {
    return groups
        .root()
        .group(id)
        .orElseThrow(() -> ApiException.notFound("Group '" + id + "' does not exist"));
  }

  private ObjectNode render(Group group, Set<String> embed) {
    boolean defaults = embed.isEmpty();
    boolean apps = defaults || embed.stream().anyMatch(e -> e.startsWith("group.apps"));
    boolean subgroups = defaults || embed.contains("group.groups");
    boolean status =
        embed.contains("group.apps.tasks")
            || embed.contains("group.apps.counts")
            || embed.contains("group.apps.deployments");
    Map<PathId, List<Instance>> byApp = status ? orchestration.instancesByApp() : Map.of();
    List<ServiceScheduler.DeploymentStatus> deployments =
        status ? orchestration.deployments() : List.of();
    AppViews.Embed appEmbed = AppViews.Embed.of(embed, "group.apps");
    return render(group, apps, subgroups, status, byApp, deployments, appEmbed);
  }

  private ObjectNode render(
      Group group,
      boolean apps,
      boolean subgroups,
      boolean status,
      Map<PathId, List<Instance>> byApp,
      List<ServiceScheduler.DeploymentStatus> deployments,
      AppViews.Embed appEmbed) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", group.id().toString());
    if (apps) {
      ArrayNode list = node.putArray("apps");
      for (AppDefinition app : group.apps().values()) {
        list.add(
            status
                ? mapper.valueToTree(
                    views.withStatus(app, AppViews.of(byApp, app.id()), deployments, appEmbed))
                : views.plain(app));
      }
    }
    if (subgroups) {
      ArrayNode list = node.putArray("groups");
      for (Group child : group.groups().values()) {
        list.add(render(child, apps, subgroups, status, byApp, deployments, appEmbed));
      }
    }
    ArrayNode deps = node.putArray("dependencies");
    group.dependencies().stream().map(PathId::toString).sorted().forEach(deps::add);
    node.put("version", group.version() == null ? null : group.version().toString());
    node.put("enforceRole", group.enforceRole());
    return node;
  }
}
