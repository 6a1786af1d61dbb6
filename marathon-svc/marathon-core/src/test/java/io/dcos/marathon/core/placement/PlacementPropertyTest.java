package io.dcos.marathon.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.placement.MatchResult.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Places instances one by one on a stream of offers, as the scheduler does, and checks that the
 * resulting placement never breaks UNIQUE or MAX_PER and never overcommits an agent.
 */
class PlacementPropertyTest {

  record Agent(String host, String rack, double cpus) {}

  @Provide
  Arbitrary<List<Agent>> agents() {
    Arbitrary<Agent> agent =
        Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.of("r1", "r2", "r3"),
                Arbitraries.of(1.0, 2.0, 4.0))
            .as((i, rack, cpus) -> new Agent("host-" + i, rack, cpus));
    return agent.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Agent::host);
  }

  @Property(tries = 300)
  void placementsKeepUniqueAndMaxPer(
      @ForAll("agents") List<Agent> agents,
      @ForAll @IntRange(min = 1, max = 3) int maxPerRack,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 11) Integer> offerOrder) {
    ResourceRequest request =
        ResourceRequest.of(0.5, 32, 0)
            .withConstraints(
                List.of(
                    Constraint.of("@hostname", ConstraintOperator.UNIQUE),
                    Constraint.of("rack", ConstraintOperator.MAX_PER, "" + maxPerRack)));
    List<AgentPlace> placed = new ArrayList<>();
    Map<String, Double> cpusUsed = new HashMap<>();
    for (int index : offerOrder) {
      Agent agent = agents.get(index % agents.size());
      double free = agent.cpus() - cpusUsed.getOrDefault(agent.host(), 0.0);
      OfferView offer =
          new OfferView(
              "o",
              agent.host(),
              agent.host(),
              Map.of("rack", agent.rack()),
              Optional.empty(),
              Optional.empty(),
              List.of(RolePool.unreserved(free, 1024, 0, 0, List.of())));
      if (OfferMatcher.match(offer, request, placed) instanceof Match) {
        placed.add(offer.place());
        cpusUsed.merge(agent.host(), 0.5, Double::sum);
      }
    }
    assertThat(placed).extracting(AgentPlace::hostname).doesNotHaveDuplicates();
    Map<String, Long> perRack = new HashMap<>();
    placed.forEach(p -> perRack.merge(p.attributes().get("rack"), 1L, Long::sum));
    assertThat(perRack.values()).allMatch(n -> n <= maxPerRack);
    agents.forEach(
        a -> assertThat(cpusUsed.getOrDefault(a.host(), 0.0)).isLessThanOrEqualTo(a.cpus()));
  }
}
