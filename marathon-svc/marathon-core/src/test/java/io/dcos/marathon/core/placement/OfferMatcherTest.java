package io.dcos.marathon.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.placement.MatchResult.Match;
import io.dcos.marathon.core.placement.MatchResult.NoMatch;
import io.dcos.marathon.core.placement.NoMatchReason.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferMatcherTest {

  private static OfferView offer(RolePool... pools) {
    return new OfferView(
        "o1", "agent-1", "host-1", Map.of(), Optional.empty(), Optional.empty(), List.of(pools));
  }

  @Test
  void takesExactlyTheRequestedScalarsAndPorts() {
    OfferView offer =
        offer(RolePool.unreserved(4, 1024, 100, 0, List.of(new PortRange(31000, 31002))));
    ResourceRequest request = ResourceRequest.of(0.5, 128, 10).withHostPorts(List.of(0, 0));
    Match match = (Match) OfferMatcher.match(offer, request, List.of());
    assertThat(match.hostPorts()).containsExactly(31000, 31001);
    assertThat(match.takes())
        .contains(
            new ResourceTake.Scalar(ScalarKind.CPUS, "*", 0.5),
            new ResourceTake.Scalar(ScalarKind.MEM, "*", 128),
            new ResourceTake.Port(31001, "*"));
    OfferView left = OfferMatcher.remainder(match);
    assertThat(left.pools().get(0).cpus()).isEqualTo(3.5);
    assertThat(left.pools().get(0).ports()).containsExactly(PortRange.of(31002));
  }

  @Test
  void reportsEveryShortfall() {
    OfferView offer = offer(RolePool.unreserved(0.1, 64, 0, 0, List.of()));
    ResourceRequest request = ResourceRequest.of(1, 128, 0).withHostPorts(List.of(8080));
    NoMatch noMatch = (NoMatch) OfferMatcher.match(offer, request, List.of());
    assertThat(noMatch.reasons())
        .extracting(NoMatchReason::kind)
        .containsExactly(Kind.INSUFFICIENT_CPUS, Kind.INSUFFICIENT_MEMORY, Kind.INSUFFICIENT_PORTS);
  }

  @Test
  void requiredHostPortMustBeOffered() {
    OfferView offer =
        offer(RolePool.unreserved(4, 1024, 0, 0, List.of(new PortRange(31000, 31010))));
    assertThat(
            OfferMatcher.match(
                offer, ResourceRequest.of(1, 32, 0).withHostPorts(List.of(31005)), List.of()))
        .isInstanceOfSatisfying(Match.class, m -> assertThat(m.hostPorts()).containsExactly(31005));
    assertThat(
            OfferMatcher.match(
                offer, ResourceRequest.of(1, 32, 0).withHostPorts(List.of(10000)), List.of()))
        .isInstanceOf(NoMatch.class);
  }

  @Test
  void reservedResourcesOfAnAcceptedRoleComeFirstAndOthersAreIgnored() {
    OfferView offer =
        offer(
            RolePool.unreserved(2, 512, 0, 0, List.of()),
            new RolePool("web", 1, 256, 0, 0, List.of()),
            new RolePool("db", 8, 8192, 0, 0, List.of()));
    ResourceRequest request = ResourceRequest.of(1.5, 300, 0).withAcceptedRoles(Set.of("*", "web"));
    Match match = (Match) OfferMatcher.match(offer, request, List.of());
    assertThat(match.takes())
        .containsExactly(
            new ResourceTake.Scalar(ScalarKind.CPUS, "web", 1),
            new ResourceTake.Scalar(ScalarKind.CPUS, "*", 0.5),
            new ResourceTake.Scalar(ScalarKind.MEM, "web", 256),
            new ResourceTake.Scalar(ScalarKind.MEM, "*", 44));
    ResourceRequest onlyDb = ResourceRequest.of(1, 32, 0).withAcceptedRoles(Set.of("ops"));
    assertThat(((NoMatch) OfferMatcher.match(offer, onlyDb, List.of())).reasons())
        .extracting(NoMatchReason::kind)
        .contains(Kind.UNFULFILLED_ROLE);
  }

  @Test
  void constraintsAreCheckedAgainstPlacedInstances() {
    OfferView offer = offer(RolePool.unreserved(4, 1024, 0, 0, List.of()));
    ResourceRequest unique =
        ResourceRequest.of(1, 32, 0)
            .withConstraints(List.of(Constraint.of("@hostname", ConstraintOperator.UNIQUE)));
    assertThat(OfferMatcher.match(offer, unique, List.of())).isInstanceOf(Match.class);
    NoMatch no = (NoMatch) OfferMatcher.match(offer, unique, List.of(offer.place()));
    assertThat(no.reasons())
        .containsExactly(
            new NoMatchReason(Kind.UNFULFILLED_CONSTRAINT, Optional.of("[@hostname, UNIQUE]")));
  }

  @Test
  void servicePortsAreAssignedFrom10000Up() {
    assertThat(ServicePorts.assign(List.of(0, 10003, 0), Set.of(10000, 10001)))
        .contains(List.of(10002, 10003, 10004));
    assertThat(ServicePorts.assign(List.of(0, 0), Set.of(), 10, 10)).isEmpty();
  }
}
