package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.validation.AppValidator;
import io.dcos.marathon.core.validation.Violation;
import io.dcos.marathon.server.api.json.AppJson;
import io.dcos.marathon.server.api.json.AppJsonConverter;
import io.dcos.marathon.server.api.json.Converted;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.store.UsedServicePorts;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * App changes of the API: each reads the current tree, builds the target tree, checks it and hands
 * both to the scheduler, all under the tree lock so concurrent changes never lose each other.
 */
@Service
public class AppService {
  private static final List<String> READ_ONLY =
      List.of(
          "id",
          "version",
          "versionInfo",
          "tasksStaged",
          "tasksRunning",
          "tasksHealthy",
          "tasksUnhealthy",
          "deployments",
          "tasks",
          "lastTaskFailure",
          "readinessCheckResults",
          "taskStats");

  private final GroupRepository groups;
  private final Orchestration orchestration;
  private final JsonBodies bodies;
  private final AppViews views;
  private final EventBus events;
  private final Clock clock;

  public AppService(
      GroupRepository groups,
      Orchestration orchestration,
      JsonBodies bodies,
      AppViews views,
      EventBus events,
      Clock clock) {
    this.groups = groups;
    this.orchestration = orchestration;
    this.bodies = bodies;
    this.views = views;
    this.events = events;
    this.clock = clock;
  }

  /** A stored change: the deployment and the apps as stored. */
  public record Change(DeploymentPlan plan, List<AppDefinition> apps, boolean created) {}

  /** Creates a new app; 409 when it exists. */
  public Change create(JsonNode body, boolean force, String clientIp, String uri) {
    AppJson json = bodies.read(body, AppJson.class);
    Change change =
        groups.locked(
            () -> {
              RootGroup original = groups.root();
              Instant version = groups.nextVersion();
              AppDefinition app = convert(json, PathId.ROOT, "");
              if (original.app(app.id()).isPresent()) {
                throw ApiException.of(
                    HttpStatus.CONFLICT, "An app with id [" + app.id() + "] already exists.");
              }
              app =
                  ServicePortAssigner.assign(
                      app.withVersionInfo(VersionInfo.initial(version)),
                      groups.servicePorts().allocate());
              return deploy(original, original.putApp(app, version), force, List.of(app), true);
            });
    announce(change, clientIp, uri);
    return change;
  }

  /**
   * Updates one app with {@code body}: a rollback when it holds only {@code version}, else the
   * fields in the body replace the app's ({@code partial}) or define it anew. Creates the app when
   * missing and {@code create} allows it.
   */
  public Change update(
      PathId id,
      JsonNode body,
      boolean force,
      boolean partial,
      boolean create,
      String clientIp,
      String uri) {
    if (body == null || !body.isObject()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid JSON");
    }
    Change change =
        groups.locked(
            () -> {
              RootGroup original = groups.root();
              Instant version = groups.nextVersion();
              AppDefinition app =
                  updated(
                      original,
                      id,
                      (ObjectNode) body,
                      partial,
                      create,
                      version,
                      "",
                      groups.servicePorts().allocate());
              return deploy(
                  original,
                  original.putApp(app, version),
                  force,
                  List.of(app),
                  original.app(id).isEmpty());
            });
    announce(change, clientIp, uri);
    return change;
  }

  /** Updates several apps in one deployment ({@code PUT/PATCH /v2/apps}). */
  public Change updateAll(
      JsonNode body, boolean force, boolean partial, String clientIp, String uri) {
    if (body == null || !body.isArray()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid JSON: expected an array of apps");
    }
    Change change =
        groups.locked(
            () -> {
              RootGroup original = groups.root();
              Instant version = groups.nextVersion();
              RootGroup target = original;
              List<AppDefinition> apps = new ArrayList<>();
              UsedServicePorts.Allocation ports = groups.servicePorts().allocate();
              for (int i = 0; i < body.size(); i++) {
                JsonNode item = body.get(i);
                if (!item.isObject() || !item.path("id").isTextual()) {
                  throw ApiException.invalid(
                      List.of(new Violation("(" + i + ")/id", "must not be empty")));
                }
                PathId id = PathId.parse(item.get("id").asText());
                AppDefinition app =
                    updated(
                        target,
                        id,
                        (ObjectNode) item,
                        partial,
                        true,
                        version,
                        "(" + i + ")",
                        ports);
                target = target.putApp(app, version);
                apps.add(app);
              }
              return deploy(original, target, force, apps, false);
            });
    announce(change, clientIp, uri);
    return change;
  }

  /** Removes an app and stops its tasks. */
  public Change delete(PathId id, boolean force) {
    return groups.locked(
        () -> {
          RootGroup original = groups.root();
          AppDefinition app = original.app(id).orElseThrow(() -> ApiException.appNotFound(id));
          Instant version = groups.nextVersion();
          return deploy(original, original.removeApp(id, version), force, List.of(app), false);
        });
  }

  /** Replaces every task of the app by a new one (a rolling restart). */
  public Change restart(PathId id, boolean force) {
    return groups.locked(
        () -> {
          RootGroup original = groups.root();
          AppDefinition app = original.app(id).orElseThrow(() -> ApiException.appNotFound(id));
          Instant version = groups.nextVersion();
          AppDefinition restarted = app.withVersionInfo(app.versionInfo().configChangedAt(version));
          return deploy(
              original, original.putApp(restarted, version), force, List.of(restarted), false);
        });
  }

  /** The current definition of an app; 404 when missing. */
  public AppDefinition current(PathId id) {
    return groups.root().app(id).orElseThrow(() -> ApiException.appNotFound(id));
  }

  private AppDefinition updated(
      RootGroup original,
      PathId id,
      ObjectNode body,
      boolean partial,
      boolean create,
      Instant version,
      String pathPrefix,
      UsedServicePorts.Allocation ports) {
    Optional<AppDefinition> existing = original.app(id);
    if (existing.isEmpty() && !create) {
      throw ApiException.appNotFound(id);
    }
    if (isRollback(body)) {
      String text = body.get("version").asText();
      Instant at;
      try {
        at = Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid(
            List.of(new Violation("/version", "is not an ISO 8601 timestamp")));
      }
      AppDefinition old =
          groups
              .appAt(id, at)
              .orElseThrow(
                  () ->
                      ApiException.notFound("App '" + id + "' does not exist in version " + text));
      VersionInfo info =
          existing
              .map(e -> e.versionInfo().configChangedAt(version))
              .orElse(VersionInfo.initial(version));
      return old.withVersionInfo(info);
    }
    ObjectNode merged =
        existing.isPresent() && partial
            ? views.plain(existing.get())
            : bodies.mapper().createObjectNode();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (!READ_ONLY.contains(field.getKey())) {
        merged.set(field.getKey(), field.getValue());
      }
    }
    if (body.has("cmd") && !body.has("args")) {
      merged.remove("args");
    }
    if (body.has("args") && !body.has("cmd")) {
      merged.remove("cmd");
    }
    if (body.has("ports") && !body.has("portDefinitions")) {
      merged.remove("portDefinitions");
    }
    merged.remove("version");
    merged.remove("versionInfo");
    merged.put("id", id.toString());
    AppDefinition candidate = convert(bodies.read(merged, AppJson.class), PathId.ROOT, pathPrefix);
    VersionInfo info;
    if (existing.isEmpty()) {
      info = VersionInfo.initial(version);
    } else {
      AppDefinition before = existing.get();
      info =
          before.isUpgrade(candidate.withVersionInfo(before.versionInfo()))
              ? before.versionInfo().configChangedAt(version)
              : before.versionInfo().scaledAt(version);
    }
    return ServicePortAssigner.assign(candidate.withVersionInfo(info), ports);
  }

  private static boolean isRollback(ObjectNode body) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("version") && !name.equals("id")) {
        return false;
      }
    }
    return body.has("version");
  }

  /** The model of {@code json}, or 422 with every problem. */
  static AppDefinition convert(AppJson json, PathId base, String pathPrefix) {
    Converted<AppDefinition> converted = AppJsonConverter.toModel(json, base);
    List<Violation> problems = new ArrayList<>(converted.violations());
    if (problems.isEmpty()) {
      problems.addAll(AppValidator.validate(converted.value()));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(
          pathPrefix.isEmpty()
              ? problems
              : problems.stream().map(v -> v.under(pathPrefix)).toList());
    }
    return converted.value();
  }

  private Change deploy(
      RootGroup original,
      RootGroup target,
      boolean force,
      List<AppDefinition> apps,
      boolean created) {
    TreeChecks.require(target);
    DeploymentPlan plan = orchestration.deploy(original, target, force);
    events.publish(
        new Events.GroupChangeSuccess("/", target.version().toString(), clock.instant()));
    return new Change(plan, apps, created);
  }

  private void announce(Change change, String clientIp, String uri) {
    for (AppDefinition app : change.apps()) {
      events.publish(new Events.ApiPostEvent(clientIp, uri, views.plain(app), clock.instant()));
    }
  }
}
