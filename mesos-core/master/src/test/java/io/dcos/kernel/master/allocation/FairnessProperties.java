package io.dcos.kernel.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Dominant Resource Fairness between equal frameworks on homogeneous agents, where one agent is one
 * unit of dominant share.
 */
class FairnessProperties {
  private static final String NODE = "cpus:16;mem:65536;disk:100000;ports:[31000-32000]";

  /** Agents arriving in batches are spread so that equal frameworks differ by one agent at most. */
  @Property(tries = 200)
  void equalFrameworksStayWithinOneAgentOfEachOther(
      @ForAll @IntRange(min = 2, max = 5) int frameworks,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 9) Integer> batches) {
    AllocatorHarness h = new AllocatorHarness();
    for (int f = 0; f < frameworks; f++) {
      h.framework("f" + f, "shared");
    }
    int agents = 0;
    for (int batch : batches) {
      h.agents(batch, "b" + agents + "-", NODE);
      agents += batch;
      h.allocate();
      List<Long> held = new ArrayList<>();
      for (int f = 0; f < frameworks; f++) {
        held.add(h.agentsHeldBy("f" + f));
      }
      assertThat(held.stream().mapToLong(Long::longValue).sum()).isEqualTo(agents);
      assertThat(Collections.max(held) - Collections.min(held)).isLessThanOrEqualTo(1);
    }
  }

  /**
   * With agents coming back at random, every single grant of a pass goes to a framework holding the
   * fewest agents at that moment (the DRF choice), in the order the pass made the grants.
   */
  @Property(tries = 200)
  void everyGrantGoesToAFrameworkWithTheLowestShare(
      @ForAll @IntRange(min = 2, max = 4) int frameworks,
      @ForAll @IntRange(min = 2, max = 20) int agents,
      @ForAll("recoveries") List<List<Integer>> rounds) {
    AllocatorHarness h = new AllocatorHarness().agents(agents, "n", NODE);
    for (int f = 0; f < frameworks; f++) {
      h.framework("f" + f, "shared");
    }
    checkGreedy(h, frameworks);
    for (List<Integer> round : rounds) {
      for (int pick : round) {
        String agentId = String.format("n%03d", pick % agents);
        for (String fw : new ArrayList<>(h.outstanding.getOrDefault(agentId, Map.of()).keySet())) {
          h.recover(fw, agentId, h.held(fw, agentId), Duration.ZERO);
        }
      }
      checkGreedy(h, frameworks);
    }
  }

  private static void checkGreedy(AllocatorHarness h, int frameworks) {
    Map<String, Long> held = new TreeMap<>();
    for (int f = 0; f < frameworks; f++) {
      held.put("f" + f, h.agentsHeldBy("f" + f));
    }
    for (Allocation a : h.allocate()) {
      long lowest = Collections.min(held.values());
      assertThat(held.get(a.frameworkId()))
          .as("grant %s while holdings are %s", a, held)
          .isEqualTo(lowest);
      held.merge(a.frameworkId(), 1L, Long::sum);
    }
  }

  @Provide
  Arbitrary<List<List<Integer>>> recoveries() {
    return Arbitraries.integers().between(0, 100).list().ofMaxSize(6).list().ofMaxSize(8);
  }
}
