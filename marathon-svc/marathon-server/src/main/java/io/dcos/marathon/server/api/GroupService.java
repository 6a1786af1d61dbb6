package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.validation.AppValidator;
import io.dcos.marathon.core.validation.Violation;
import io.dcos.marathon.server.api.json.Converted;
import io.dcos.marathon.server.api.json.GroupJson;
import io.dcos.marathon.server.api.json.GroupJsonConverter;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.store.UsedServicePorts;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Group changes of the API: create, update (definition, {@code scaleBy}, rollback to a version),
 * delete and dry runs. Like {@link AppService}, each builds the target tree under the tree lock.
 */
@Service
public class GroupService {
  private final GroupRepository groups;
  private final Orchestration orchestration;
  private final JsonBodies bodies;
  private final EventBus events;
  private final Clock clock;

  public GroupService(
      GroupRepository groups,
      Orchestration orchestration,
      JsonBodies bodies,
      EventBus events,
      Clock clock) {
    this.groups = groups;
    this.orchestration = orchestration;
    this.bodies = bodies;
    this.events = events;
    this.clock = clock;
  }

  /** A change that was started, or only planned ({@code dryRun}). */
  public record Outcome(DeploymentPlan plan, boolean dryRun) {}

  /** Creates a group below {@code base}; 409 when it exists. */
  public Outcome create(PathId base, JsonNode body, boolean force, boolean dryRun) {
    GroupJson json = bodies.read(body, GroupJson.class);
    if (json.id() == null && base.isRoot()) {
      throw ApiException.invalid(List.of(new Violation("/id", "must not be empty")));
    }
    PathId id = json.id() == null ? base : base.resolve(json.id());
    return groups.locked(
        () -> {
          RootGroup original = groups.root();
          if (!id.isRoot() && original.group(id).isPresent()) {
            throw ApiException.of(
                HttpStatus.CONFLICT,
                "Group " + id + " is already created. Use PUT to change this group.");
          }
          Instant version = groups.nextVersion();
          Group created = convert(json, id, version);
          RootGroup target = stamp(original, original.putGroup(created, version), version);
          return run(original, target, force, dryRun, id);
        });
  }

  /** Updates the group at {@code id} (created when missing). */
  public Outcome update(PathId id, JsonNode body, boolean force, boolean dryRun) {
    GroupJson json = bodies.read(body, GroupJson.class);
    return groups.locked(
        () -> {
          RootGroup original = groups.root();
          Instant version = groups.nextVersion();
          RootGroup target;
          if (json.scaleBy() != null) {
            target = scale(original, id, json.scaleBy(), version);
          } else if (json.version() != null && json.apps() == null && json.groups() == null) {
            target = rollback(original, id, json.version(), version);
          } else {
            Group current = original.group(id).orElse(Group.empty(id, version));
            Group changed = merge(current, json, id, version);
            target = stamp(original, original.putGroup(changed, version), version);
          }
          return run(original, target, force, dryRun, id);
        });
  }

  /** Removes the group and every app in it. */
  public Outcome delete(PathId id, boolean force) {
    return groups.locked(
        () -> {
          RootGroup original = groups.root();
          if (original.group(id).isEmpty()) {
            throw ApiException.notFound("Group '" + id + "' does not exist");
          }
          Instant version = groups.nextVersion();
          return run(original, original.removeGroup(id, version), force, false, id);
        });
  }

  private Outcome run(
      RootGroup original, RootGroup target, boolean force, boolean dryRun, PathId id) {
    TreeChecks.require(target);
    if (dryRun) {
      return new Outcome(orchestration.required().dryRun(original, target), true);
    }
    DeploymentPlan plan = orchestration.deploy(original, target, force);
    events.publish(
        new Events.GroupChangeSuccess(id.toString(), target.version().toString(), clock.instant()));
    return new Outcome(plan, false);
  }

  private Group convert(GroupJson json, PathId id, Instant version) {
    List<Violation> problems = new ArrayList<>();
    if (!id.isRoot()) {
      problems.addAll(AppValidator.validatePath(id, "/id"));
    }
    Converted<Group> c = GroupJsonConverter.toModel(json, id, version);
    problems.addAll(c.violations());
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return c.value();
  }

  /**
   * The group after an update: listed apps replace the group's apps, listed subgroups replace its
   * subgroups (each merged with its current state), unlisted parts stay.
   */
  private Group merge(Group current, GroupJson json, PathId id, Instant version) {
    Group given = convert(json, id, version);
    Map<PathId, AppDefinition> apps = json.apps() == null ? current.apps() : given.apps();
    Map<PathId, Group> subgroups = current.groups();
    if (json.groups() != null) {
      subgroups = new TreeMap<>();
      for (GroupJson child : json.groups()) {
        PathId childId = id.resolve(child.id());
        Group existing = current.groups().getOrDefault(childId, Group.empty(childId, version));
        subgroups.put(childId, merge(existing, child, childId, version));
      }
    }
    return new Group(
        id,
        apps,
        subgroups,
        json.dependencies() == null ? current.dependencies() : given.dependencies(),
        json.enforceRole() == null ? current.enforceRole() : given.enforceRole(),
        version);
  }

  /** Gives new and changed apps their version info and service ports; unchanged apps stay. */
  private RootGroup stamp(RootGroup original, RootGroup target, Instant version) {
    RootGroup out = target;
    UsedServicePorts.Allocation ports = groups.servicePorts().allocate();
    for (AppDefinition app : target.apps()) {
      Optional<AppDefinition> before = original.app(app.id());
      VersionInfo info;
      if (before.isPresent()) {
        AppDefinition old = before.get();
        AppDefinition candidate = app.withVersionInfo(old.versionInfo());
        if (candidate.equals(old)) {
          if (!app.equals(old)) {
            out = out.putApp(old, version);
          }
          continue;
        }
        info =
            old.isUpgrade(candidate)
                ? old.versionInfo().configChangedAt(version)
                : old.versionInfo().scaledAt(version);
      } else {
        info = VersionInfo.initial(version);
      }
      out = out.putApp(ServicePortAssigner.assign(app.withVersionInfo(info), ports), version);
    }
    return out;
  }

  private RootGroup scale(RootGroup original, PathId id, double factor, Instant version) {
    Group group =
        original
            .group(id)
            .orElseThrow(() -> ApiException.notFound("Group '" + id + "' does not exist"));
    Group scaled =
        group.mapApps(
            a ->
                a.toBuilder()
                    .instances((int) Math.ceil(a.instances() * factor))
                    .versionInfo(a.versionInfo().scaledAt(version))
                    .build(),
            version);
    return original.putGroup(scaled, version);
  }

  private RootGroup rollback(RootGroup original, PathId id, String text, Instant version) {
    Instant at;
    try {
      at = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          List.of(new Violation("/version", "is not an ISO 8601 timestamp")));
    }
    RootGroup old =
        groups
            .rootAt(at)
            .orElseThrow(
                () ->
                    ApiException.notFound("Group '" + id + "' does not exist in version " + text));
    Group then =
        old.group(id)
            .orElseThrow(
                () ->
                    ApiException.notFound("Group '" + id + "' does not exist in version " + text));
    Group fresh = then.mapApps(a -> a.withVersionInfo(null), version);
    return stamp(original, original.putGroup(fresh, version), version);
  }
}
