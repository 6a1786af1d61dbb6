package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Allocation;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.scheduler.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns allocations into offers and takes offers back. Invariant: every outstanding offer's
 * resources are allocated to its framework in the allocator, and are given back exactly once
 * (accepted, declined, rescinded, or the framework or agent went away).
 */
final class OfferFlow {
  private final MasterContext context;
  private final Cluster cluster;
  private final Runnable requestAllocation;

  OfferFlow(MasterContext context, Cluster cluster, Runnable requestAllocation) {
    this.context = context;
    this.cluster = cluster;
    this.requestAllocation = requestAllocation;
  }

  /** Runs an allocation pass and sends the resulting offers, one OFFERS event per framework. */
  void allocate() {
    List<Allocation> allocations = cluster.allocator.allocate(context.now());
    Map<String, List<Offer>> byFramework = new LinkedHashMap<>();
    for (Allocation a : allocations) {
      FrameworkRecord f = cluster.frameworks.get(a.frameworkId());
      AgentRecord agent = cluster.agents.get(a.agentId());
      if (f == null || !f.connected() || agent == null || !agent.reachable) {
        cluster.allocator.recoverResources(
            a.frameworkId(), a.agentId(), a.resources(), Duration.ZERO, context.now());
        continue;
      }
      String id = cluster.newOfferId();
      Offer.Builder offer =
          Offer.newBuilder()
              .setId(OfferID.newBuilder().setValue(id))
              .setFrameworkId(FrameworkID.newBuilder().setValue(f.id))
              .setAgentId(AgentID.newBuilder().setValue(agent.id))
              .setHostname(agent.info.getHostname())
              .addAllResources(ResourceConverter.toProto(a.resources(), a.role()))
              .addAllAttributes(agent.info.getAttributesList())
              .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(a.role()));
      if (agent.info.hasDomain()) {
        offer.setDomain(agent.info.getDomain());
      }
      Offer built = offer.build();
      OfferRecord record = new OfferRecord(id, f.id, agent.id, a.role(), a.resources(), built);
      cluster.offers.put(id, record);
      f.offers.put(id, record);
      byFramework.computeIfAbsent(f.id, k -> new ArrayList<>()).add(built);
    }
    byFramework.forEach(
        (fid, list) ->
            cluster
                .frameworks
                .get(fid)
                .link
                .send(
                    Event.newBuilder()
                        .setType(Event.Type.OFFERS)
                        .setOffers(Event.Offers.newBuilder().addAllOffers(list))
                        .build()));
  }

  /** Removes an offer that an ACCEPT or DECLINE used; its resources are the caller's to place. */
  OfferRecord take(String offerId) {
    OfferRecord offer = cluster.offers.remove(offerId);
    if (offer != null) {
      FrameworkRecord f = cluster.frameworks.get(offer.frameworkId());
      if (f != null) {
        f.offers.remove(offerId);
      }
    }
    return offer;
  }

  /** Gives resources back to the allocator with an optional refuse filter. */
  void recover(String frameworkId, String agentId, Resources resources, Duration refuse) {
    if (!resources.isEmpty()) {
      cluster.allocator.recoverResources(frameworkId, agentId, resources, refuse, context.now());
      requestAllocation.run();
    }
  }

  /** Takes back every offer of the agent, telling the frameworks (RESCIND). */
  void rescindAgentOffers(String agentId) {
    for (OfferRecord o : List.copyOf(cluster.offers.values())) {
      if (o.agentId().equals(agentId)) {
        rescind(o);
      }
    }
  }

  /** Takes back every offer of the framework without telling it (it is gone). */
  void dropFrameworkOffers(FrameworkRecord f) {
    for (OfferRecord o : List.copyOf(f.offers.values())) {
      take(o.id());
      recover(o.frameworkId(), o.agentId(), o.resources(), Duration.ZERO);
    }
  }

  void rescind(OfferRecord o) {
    take(o.id());
    FrameworkRecord f = cluster.frameworks.get(o.frameworkId());
    if (f != null && f.connected()) {
      f.link.send(
          Event.newBuilder()
              .setType(Event.Type.RESCIND)
              .setRescind(
                  Event.Rescind.newBuilder().setOfferId(OfferID.newBuilder().setValue(o.id())))
              .build());
    }
    recover(o.frameworkId(), o.agentId(), o.resources(), Duration.ZERO);
  }
}
