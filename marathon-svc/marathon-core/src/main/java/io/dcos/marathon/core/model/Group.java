package io.dcos.marathon.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A node of the app tree: apps and subgroups keyed by their absolute ids, which always lie directly
 * below this group's id. Immutable; every change returns a new tree that shares untouched nodes.
 */
public record Group(
    PathId id,
    Map<PathId, AppDefinition> apps,
    Map<PathId, Group> groups,
    Set<PathId> dependencies,
    boolean enforceRole,
    Instant version) {

  public Group {
    Objects.requireNonNull(id, "id");
    apps = apps == null ? Map.of() : sorted(apps);
    groups = groups == null ? Map.of() : sorted(groups);
    dependencies = dependencies == null ? Set.of() : Set.copyOf(dependencies);
    for (PathId child : apps.keySet()) {
      requireChild(id, child);
    }
    for (PathId child : groups.keySet()) {
      requireChild(id, child);
    }
  }

  /** An empty group at {@code id}. */
  public static Group empty(PathId id, Instant version) {
    return new Group(id, Map.of(), Map.of(), Set.of(), false, version);
  }

  /** The app at {@code appId} anywhere below this group. */
  public Optional<AppDefinition> app(PathId appId) {
    return group(appId.parent()).map(g -> g.apps.get(appId));
  }

  /** The group at {@code groupId} (this one or below). */
  public Optional<Group> group(PathId groupId) {
    if (groupId.equals(id)) {
      return Optional.of(this);
    }
    if (!groupId.isDescendantOf(id)) {
      return Optional.empty();
    }
    PathId next = new PathId(groupId.segments().subList(0, id.segments().size() + 1));
    Group child = groups.get(next);
    return child == null ? Optional.empty() : child.group(groupId);
  }

  /** Every app in this group and its subgroups, ordered by id. */
  public List<AppDefinition> transitiveApps() {
    List<AppDefinition> out = new ArrayList<>();
    collectApps(out);
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  private void collectApps(List<AppDefinition> out) {
    out.addAll(apps.values());
    groups.values().forEach(g -> g.collectApps(out));
  }

  /** This group and every group below it, parents before children. */
  public List<Group> transitiveGroups() {
    List<Group> out = new ArrayList<>();
    out.add(this);
    groups.values().forEach(g -> out.addAll(g.transitiveGroups()));
    return out;
  }

  /** Adds or replaces an app, creating missing groups on its path, all stamped {@code version}. */
  public Group putApp(AppDefinition app, Instant version) {
    PathId parent = app.id().parent();
    return updateGroup(
        parent,
        g -> {
          Map<PathId, AppDefinition> apps = new TreeMap<>(g.apps);
          apps.put(app.id(), app);
          return new Group(g.id, apps, g.groups, g.dependencies, g.enforceRole, version);
        },
        version);
  }

  /** Removes an app; the tree is unchanged (but for versions) when it does not exist. */
  public Group removeApp(PathId appId, Instant version) {
    if (app(appId).isEmpty()) {
      return this;
    }
    return updateGroup(
        appId.parent(),
        g -> {
          Map<PathId, AppDefinition> apps = new TreeMap<>(g.apps);
          apps.remove(appId);
          return new Group(g.id, apps, g.groups, g.dependencies, g.enforceRole, version);
        },
        version);
  }

  /** Adds or replaces the subtree at {@code group.id()}, creating missing parents. */
  public Group putGroup(Group group, Instant version) {
    if (group.id.equals(id)) {
      return group;
    }
    return updateGroup(
        group.id.parent(),
        g -> {
          Map<PathId, Group> groups = new TreeMap<>(g.groups);
          groups.put(group.id, group);
          return new Group(g.id, g.apps, groups, g.dependencies, g.enforceRole, version);
        },
        version);
  }

  /** Removes the subtree at {@code groupId}; removing this group itself empties it. */
  public Group removeGroup(PathId groupId, Instant version) {
    if (groupId.equals(id)) {
      return new Group(id, Map.of(), Map.of(), dependencies, enforceRole, version);
    }
    if (group(groupId).isEmpty()) {
      return this;
    }
    return updateGroup(
        groupId.parent(),
        g -> {
          Map<PathId, Group> groups = new TreeMap<>(g.groups);
          groups.remove(groupId);
          return new Group(g.id, g.apps, groups, g.dependencies, g.enforceRole, version);
        },
        version);
  }

  /** Applies {@code change} to every app below this group. */
  public Group mapApps(UnaryOperator<AppDefinition> change, Instant version) {
    Map<PathId, AppDefinition> apps = new TreeMap<>();
    this.apps.forEach((k, v) -> apps.put(k, change.apply(v)));
    Map<PathId, Group> groups = new TreeMap<>();
    this.groups.forEach((k, v) -> groups.put(k, v.mapApps(change, version)));
    return new Group(id, apps, groups, dependencies, enforceRole, version);
  }

  /**
   * Replaces the group at {@code target} (created empty when missing) by {@code change} applied to
   * it; every group on the way is stamped {@code version}.
   */
  public Group updateGroup(PathId target, UnaryOperator<Group> change, Instant version) {
    if (target.equals(id)) {
      return change.apply(this);
    }
    if (!target.isDescendantOf(id)) {
      throw new IllegalArgumentException(target + " is not below " + id);
    }
    PathId next = new PathId(target.segments().subList(0, id.segments().size() + 1));
    Group child = groups.getOrDefault(next, Group.empty(next, version));
    Map<PathId, Group> groups = new TreeMap<>(this.groups);
    groups.put(next, child.updateGroup(target, change, version));
    return new Group(id, apps, groups, dependencies, enforceRole, version);
  }

  private static <V> Map<PathId, V> sorted(Map<PathId, V> in) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(in));
  }

  private static void requireChild(PathId parent, PathId child) {
    if (!child.parent().equals(parent) || child.isRoot()) {
      throw new IllegalArgumentException(child + " is not a direct child of " + parent);
    }
  }
}
