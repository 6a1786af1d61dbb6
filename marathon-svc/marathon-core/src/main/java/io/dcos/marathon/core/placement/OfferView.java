package io.dcos.marathon.core.placement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kernel-free view of one resource offer: where it is (agent, hostname, attributes, fault domain)
 * and what it holds, split by role. Converted from the kernel's offer at the edge. Invariant: at
 * most one pool per role.
 */
public record OfferView(
    String offerId,
    String agentId,
    String hostname,
    Map<String, String> attributes,
    Optional<String> region,
    Optional<String> zone,
    List<RolePool> pools) {

  public OfferView {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(hostname, "hostname");
    attributes = Map.copyOf(attributes);
    pools = List.copyOf(pools);
    if (pools.stream().map(RolePool::role).distinct().count() != pools.size()) {
      throw new IllegalArgumentException("one pool per role in offer " + offerId);
    }
  }

  /** Where this offer's agent is, as constraints see it. */
  public AgentPlace place() {
    return new AgentPlace(agentId, hostname, attributes, region, zone);
  }
}
