package io.dcos.marathon.server.api.json;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.validation.AppValidator;
import io.dcos.marathon.core.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts group JSON to a {@link Group} subtree. Violations carry the request's JSON paths ({@code
 * /apps(0)/cmd}, {@code /groups(1)/apps(0)/id}) in the order the request lists them.
 */
public final class GroupJsonConverter {
  private GroupJsonConverter() {}

  /**
   * The group at {@code id} described by {@code json}. Apps get no version info; the caller stamps
   * them. Absent {@code apps} or {@code groups} are empty here.
   */
  public static Converted<Group> toModel(GroupJson json, PathId id, Instant version) {
    List<Violation> problems = new ArrayList<>();
    Group group = convert(json, id, version, "", problems);
    return new Converted<>(group, problems);
  }

  private static Group convert(
      GroupJson json, PathId id, Instant version, String prefix, List<Violation> problems) {
    Map<PathId, AppDefinition> apps = new LinkedHashMap<>();
    Set<PathId> seen = new HashSet<>();
    List<AppJson> appList = json.apps() == null ? List.of() : json.apps();
    for (int i = 0; i < appList.size(); i++) {
      String at = prefix + "/apps(" + i + ")";
      Converted<AppDefinition> c = AppJsonConverter.toModel(appList.get(i), id);
      List<Violation> own = new ArrayList<>(c.violations());
      if (own.isEmpty()) {
        own.addAll(AppValidator.validate(c.value()));
        if (!c.value().id().parent().equals(id)) {
          own.add(
              new Violation(
                  "/id",
                  "identifier "
                      + c.value().id()
                      + " is not child of "
                      + id
                      + ". Hint: use relative paths."));
        }
        if (!seen.add(c.value().id())) {
          own.add(new Violation("/id", "is defined more than once"));
        }
      }
      own.forEach(v -> problems.add(v.under(at)));
      if (own.isEmpty()) {
        apps.put(c.value().id(), c.value());
      }
    }
    Map<PathId, Group> groups = new LinkedHashMap<>();
    List<GroupJson> groupList = json.groups() == null ? List.of() : json.groups();
    for (int i = 0; i < groupList.size(); i++) {
      String at = prefix + "/groups(" + i + ")";
      GroupJson child = groupList.get(i);
      if (child.id() == null) {
        problems.add(new Violation(at + "/id", "must not be empty"));
        continue;
      }
      PathId childId = id.resolve(child.id());
      if (!childId.parent().equals(id) || childId.isRoot()) {
        problems.add(
            new Violation(
                at + "/id",
                "identifier "
                    + childId
                    + " is not child of "
                    + id
                    + ". Hint: use relative paths."));
        continue;
      }
      if (apps.containsKey(childId) || !seen.add(childId)) {
        problems.add(
            new Violation(at + "/id", "Groups and Applications may not have the same identifier."));
        continue;
      }
      AppValidator.validatePath(childId, "/id").forEach(v -> problems.add(v.under(at)));
      groups.put(childId, convert(child, childId, version, at, problems));
    }
    Set<PathId> dependencies = new HashSet<>();
    if (json.dependencies() != null) {
      json.dependencies().forEach(d -> dependencies.add(id.parent().resolve(d)));
    }
    return new Group(
        id, apps, groups, dependencies, json.enforceRole() != null && json.enforceRole(), version);
  }
}
