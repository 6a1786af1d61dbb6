package io.dcos.jobs.dag;

import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parent/child relation between jobs. Invariant: acyclic; {@link #with} refuses a job that
 * would close a cycle or names a parent that does not exist. Pure: built from job specs.
 */
public final class DependencyGraph {
  private final Map<String, List<String>> parents;

  private DependencyGraph(Map<String, List<String>> parents) {
    this.parents = parents;
  }

  /** The graph of {@code jobs}, which must already be acyclic. */
  public static DependencyGraph of(Collection<JobSpec> jobs) {
    Map<String, List<String>> p = new TreeMap<>();
    for (JobSpec j : jobs) {
      p.put(j.id(), j.parents());
    }
    return new DependencyGraph(p);
  }

  /**
   * The graph with {@code job} added or replaced; throws when a parent is unknown or the job would
   * depend on itself through its parents.
   */
  public DependencyGraph with(JobSpec job) throws DependencyException {
    for (String parent : job.parents()) {
      if (parent.equals(job.id())) {
        throw new DependencyException("job '" + job.id() + "' cannot depend on itself");
      }
      if (!parents.containsKey(parent)) {
        throw new DependencyException("parent job '" + parent + "' does not exist");
      }
    }
    Map<String, List<String>> next = new TreeMap<>(parents);
    next.put(job.id(), job.parents());
    List<String> cycle = findCycle(next);
    if (!cycle.isEmpty()) {
      throw new DependencyException("dependency cycle: " + String.join(" -> ", cycle));
    }
    return new DependencyGraph(next);
  }

  /** The graph without {@code jobId}; throws when other jobs still depend on it. */
  public DependencyGraph without(String jobId) throws DependencyException {
    List<String> kids = children(jobId);
    if (!kids.isEmpty()) {
      throw new DependencyException(
          "job '" + jobId + "' is a parent of " + String.join(", ", kids));
    }
    Map<String, List<String>> next = new TreeMap<>(parents);
    next.remove(jobId);
    return new DependencyGraph(next);
  }

  /** Jobs that list {@code jobId} as a parent, sorted. */
  public List<String> children(String jobId) {
    List<String> out = new ArrayList<>();
    parents.forEach(
        (child, ps) -> {
          if (ps.contains(jobId)) {
            out.add(child);
          }
        });
    return out;
  }

  public List<String> parentsOf(String jobId) {
    return parents.getOrDefault(jobId, List.of());
  }

  /**
   * Children of {@code parent} whose parents have all completed (success, or failure with
   * softError) since the child's own last run.
   */
  public List<String> readyChildren(String parent, Map<String, JobCounters> counters) {
    List<String> ready = new ArrayList<>();
    for (String child : children(parent)) {
      JobCounters c = counters.get(child);
      Instant lastRun = c == null ? null : c.lastRunAt();
      boolean all = true;
      for (String p : parentsOf(child)) {
        JobCounters pc = counters.get(p);
        Instant mark = pc == null ? null : pc.lastDependencyMark();
        if (mark == null || (lastRun != null && !mark.isAfter(lastRun))) {
          all = false;
          break;
        }
      }
      if (all) {
        ready.add(child);
      }
    }
    return ready;
  }

  /** Graphviz text: one edge per parent/child pair, lone jobs as nodes. */
  public String toDot() {
    StringBuilder out = new StringBuilder("digraph G {\n");
    parents.forEach(
        (child, ps) -> {
          if (ps.isEmpty() && children(child).isEmpty()) {
            out.append("  \"").append(child).append("\";\n");
          }
          for (String p : ps) {
            out.append("  \"").append(p).append("\" -> \"").append(child).append("\";\n");
          }
        });
    return out.append("}\n").toString();
  }

  /**
   * Chronos's CSV view: {@code node,<job>,<last status>,<state>} per job, then {@code
   * link,<parent>,<child>} per edge.
   */
  public String toCsv(Map<String, String> lastStatus, Map<String, String> state) {
    StringBuilder out = new StringBuilder();
    parents
        .keySet()
        .forEach(
            j ->
                out.append("node,")
                    .append(j)
                    .append(',')
                    .append(lastStatus.getOrDefault(j, "fresh"))
                    .append(',')
                    .append(state.getOrDefault(j, "idle"))
                    .append('\n'));
    parents.forEach(
        (child, ps) ->
            ps.forEach(p -> out.append("link,").append(p).append(',').append(child).append('\n')));
    return out.toString();
  }

  private static List<String> findCycle(Map<String, List<String>> parents) {
    Map<String, Integer> color = new HashMap<>();
    for (String start : parents.keySet()) {
      if (color.getOrDefault(start, 0) != 0) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      List<String> cycle = visit(start, parents, color, path, new HashSet<>());
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String node,
      Map<String, List<String>> parents,
      Map<String, Integer> color,
      Deque<String> path,
      Set<String> onPath) {
    color.put(node, 1);
    path.addLast(node);
    onPath.add(node);
    for (String p : parents.getOrDefault(node, List.of())) {
      if (onPath.contains(p)) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String n : path) {
          in |= n.equals(p);
          if (in) {
            cycle.add(n);
          }
        }
        cycle.add(p);
        // Read as "parent -> child": reverse the child-to-parent walk.
        java.util.Collections.reverse(cycle);
        return cycle;
      }
      if (color.getOrDefault(p, 0) == 0) {
        List<String> c = visit(p, parents, color, path, onPath);
        if (!c.isEmpty()) {
          return c;
        }
      }
    }
    path.removeLast();
    onPath.remove(node);
    color.put(node, 2);
    return List.of();
  }

  /** Jobs in an order where every parent comes before its children. */
  public List<String> topologicalOrder() {
    Map<String, Integer> indegree = new LinkedHashMap<>();
    parents.forEach((c, ps) -> indegree.put(c, ps.size()));
    Deque<String> ready = new ArrayDeque<>();
    indegree.forEach(
        (j, d) -> {
          if (d == 0) {
            ready.add(j);
          }
        });
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String j = ready.poll();
      out.add(j);
      for (String c : children(j)) {
        if (indegree.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    return out;
  }
}
