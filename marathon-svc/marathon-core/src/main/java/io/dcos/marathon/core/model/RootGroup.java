package io.dcos.marathon.core.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole app tree at one version: the group at {@code /}. Adds what only the whole tree knows,
 * namely how apps depend on each other through app and group dependencies.
 */
public record RootGroup(Group group) {
  public RootGroup {
    if (!group.id().isRoot()) {
      throw new IllegalArgumentException("the root group's id is /, not " + group.id());
    }
  }

  /** A tree without apps. */
  public static RootGroup empty(Instant version) {
    return new RootGroup(Group.empty(PathId.ROOT, version));
  }

  public Instant version() {
    return group.version();
  }

  public Optional<AppDefinition> app(PathId id) {
    return group.app(id);
  }

  public Optional<Group> group(PathId id) {
    return group.group(id);
  }

  /** Every app, ordered by id. */
  public List<AppDefinition> apps() {
    return group.transitiveApps();
  }

  public RootGroup putApp(AppDefinition app, Instant version) {
    return new RootGroup(group.putApp(app, version));
  }

  public RootGroup removeApp(PathId id, Instant version) {
    return new RootGroup(group.removeApp(id, version));
  }

  public RootGroup putGroup(Group subtree, Instant version) {
    return new RootGroup(group.putGroup(subtree, version));
  }

  public RootGroup removeGroup(PathId id, Instant version) {
    return new RootGroup(group.removeGroup(id, version));
  }

  /**
   * The apps {@code appId} depends on directly: its own dependencies and those of its enclosing
   * groups, where a group stands for every app in it. Paths naming nothing are ignored.
   */
  public Set<PathId> directDependencies(PathId appId) {
    Optional<AppDefinition> app = app(appId);
    if (app.isEmpty()) {
      return Set.of();
    }
    Set<PathId> paths = new LinkedHashSet<>(app.get().dependencies());
    for (PathId ancestor : appId.ancestors()) {
      group(ancestor).ifPresent(g -> paths.addAll(g.dependencies()));
    }
    Set<PathId> out = new TreeSet<>();
    for (PathId path : paths) {
      Optional<AppDefinition> dependency = app(path);
      if (dependency.isPresent()) {
        out.add(path);
      } else {
        group(path).ifPresent(g -> g.transitiveApps().forEach(a -> out.add(a.id())));
      }
    }
    out.remove(appId);
    return out;
  }

  /** Every app {@code appId} depends on, directly or through others. */
  public Set<PathId> transitiveDependencies(PathId appId) {
    Set<PathId> seen = new TreeSet<>();
    Deque<PathId> todo = new ArrayDeque<>(directDependencies(appId));
    while (!todo.isEmpty()) {
      PathId next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(directDependencies(next));
      }
    }
    return seen;
  }

  /** A dependency cycle as the list of app ids along it (first repeated at the end), if any. */
  public Optional<List<PathId>> dependencyCycle() {
    Map<PathId, Integer> state = new HashMap<>();
    for (AppDefinition app : apps()) {
      List<PathId> stack = new ArrayList<>();
      Optional<List<PathId>> cycle = visit(app.id(), state, stack);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<PathId>> visit(PathId id, Map<PathId, Integer> state, List<PathId> stack) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return Optional.empty();
    }
    if (s != null && s == 1) {
      List<PathId> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
      cycle.add(id);
      return Optional.of(cycle);
    }
    state.put(id, 1);
    stack.add(id);
    for (PathId dependency : directDependencies(id)) {
      Optional<List<PathId>> cycle = visit(dependency, state, stack);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(id, 2);
    return Optional.empty();
  }

  /**
   * The apps in dependency order: each level depends only on earlier levels, so the apps of one
   * level may be deployed together. Requires a tree without cycles.
   */
  public List<List<AppDefinition>> dependencyLevels() {
    if (dependencyCycle().isPresent()) {
      throw new IllegalStateException("dependency cycle " + dependencyCycle().get());
    }
    Map<PathId, Integer> level = new HashMap<>();
    List<List<AppDefinition>> out = new ArrayList<>();
    for (AppDefinition app : apps()) {
      int l = levelOf(app.id(), level);
      while (out.size() <= l) {
        out.add(new ArrayList<>());
      }
      out.get(l).add(app);
    }
    return out.stream().map(List::copyOf).toList();
  }

  private int levelOf(PathId id, Map<PathId, Integer> memo) {
    Integer known = memo.get(id);
    if (known != null) {
      return known;
    }
    int l = 0;
    for (PathId dependency : directDependencies(id)) {
      l = Math.max(l, levelOf(dependency, memo) + 1);
    }
    memo.put(id, l);
    return l;
  }
}
