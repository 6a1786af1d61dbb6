package io.dcos.jobs.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
  static JobSpec root(String id) {
    return Jobs.scheduled(id, Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW), RestartPolicy.NEVER);
  }

  static JobCounters ran(String id, Instant lastRun, Instant mark) {
    return new JobCounters(id, false, 0, 0, 0, null, null, mark, lastRun);
  }

  @Test
  void cyclesAndMissingParentsAreRefusedWithTheirPath() throws Exception {
    DependencyGraph g =
        DependencyGraph.of(List.of(root("a")))
            .with(Jobs.dependent("b", false, "a"))
            .with(Jobs.dependent("c", false, "b"));
    assertThatThrownBy(() -> g.with(Jobs.dependent("a", false, "c")))
        .isInstanceOf(DependencyException.class)
        .hasMessage("dependency cycle: a -> b -> c -> a");
    assertThatThrownBy(() -> g.with(Jobs.dependent("d", false, "nope")))
        .hasMessage("parent job 'nope' does not exist");
    assertThatThrownBy(() -> g.with(Jobs.dependent("b", false, "b")))
        .hasMessageContaining("cannot depend on itself");
    assertThatThrownBy(() -> g.without("b")).hasMessage("job 'b' is a parent of c");
    assertThat(g.topologicalOrder()).containsExactly("a", "b", "c");
  }

  @Test
  void aChildIsReadyOnceAllParentsCompletedSinceItsLastRun() throws Exception {
    DependencyGraph g =
        DependencyGraph.of(List.of(root("p1"), root("p2")))
            .with(Jobs.dependent("c", false, "p1", "p2"));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, JobCounters> counters =
        Map.of(
            "p1", ran("p1", t0, t0.plusSeconds(10)),
            "p2", ran("p2", t0, null),
            "c", ran("c", t0.plusSeconds(1), null));
    assertThat(g.readyChildren("p1", counters)).isEmpty();
    counters =
        Map.of(
            "p1", ran("p1", t0, t0.plusSeconds(10)),
            "p2", ran("p2", t0, t0.plusSeconds(20)),
            "c", ran("c", t0.plusSeconds(1), null));
    assertThat(g.readyChildren("p2", counters)).containsExactly("c");
    // Once the child ran after both marks, it waits for the next completions.
    counters =
        Map.of(
            "p1", ran("p1", t0, t0.plusSeconds(10)),
            "p2", ran("p2", t0, t0.plusSeconds(20)),
            "c", ran("c", t0.plusSeconds(21), null));
    assertThat(g.readyChildren("p2", counters)).isEmpty();
  }

  @Test
  void dotAndCsvShowEdges() throws Exception {
    DependencyGraph g =
        DependencyGraph.of(List.of(root("a"))).with(Jobs.dependent("b", false, "a"));
    assertThat(g.toDot()).contains("\"a\" -> \"b\";");
    assertThat(g.toCsv(Map.of("a", "success"), Map.of()))
        .contains("node,a,success,idle\n")
        .contains("node,b,fresh,idle\n")
        .contains("link,a,b\n");
  }

  /** Random edge insertions: every accepted graph stays acyclic (a topological order covers it). */
  @Property(tries = 200)
  void acceptedGraphsAreAlwaysAcyclic(
      @ForAll @IntRange(min = 2, max = 12) int n, @ForAll("edges") List<int[]> edges) {
    List<JobSpec> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(root("j" + i));
    }
    DependencyGraph g = DependencyGraph.of(jobs);
    Map<String, List<String>> parents = new java.util.HashMap<>();
    for (int[] e : edges) {
      String child = "j" + (e[0] % n);
      String parent = "j" + (e[1] % n);
      List<String> ps = new ArrayList<>(parents.getOrDefault(child, List.of()));
      if (ps.contains(parent)) {
        continue;
      }
      ps.add(parent);
      try {
        g = g.with(Jobs.dependent(child, false, ps.toArray(String[]::new)));
        parents.put(child, ps);
      } catch (DependencyException refused) {
        assertThat(refused.getMessage()).containsAnyOf("cycle", "itself");
      }
    }
    assertThat(g.topologicalOrder()).hasSize(n);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<int[]>> edges() {
    return net.jqwik.api.Arbitraries.integers()
        .between(0, 100)
        .array(int[].class)
        .ofSize(2)
        .list()
        .ofMaxSize(30);
  }
}
