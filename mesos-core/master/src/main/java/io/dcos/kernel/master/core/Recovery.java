package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.protocol.operator.Registry;
import java.time.Instant;

/**
 * Rebuilds a new leader's view from the durable registry: frameworks come back as placeholders that
 * wait for their schedulers (their failover timeout counts from the election), admitted agents are
 * expected to re-register, weights and quotas go back into the allocator. Tasks come back only from
 * agents.
 */
final class Recovery {
  private final MasterContext context;
  private final Cluster cluster;
  private final FrameworkFlow frameworks;

  Recovery(MasterContext context, Cluster cluster, FrameworkFlow frameworks) {
    this.context = context;
    this.cluster = cluster;
    this.frameworks = frameworks;
  }

  void recover(Registry registry) {
    Instant elected = cluster.electedTime;
    for (Registry.Weight w : registry.getWeightsList()) {
      cluster.weights.put(w.getRole(), w.getWeight());
      cluster.allocator.setWeight(w.getRole(), w.getWeight());
    }
    for (Registry.Quota q : registry.getQuotasList()) {
      Quota quota =
          new Quota(
              ResourceConverter.fromProto(q.getGuaranteeList()),
              ResourceConverter.fromProto(q.getLimitList()));
      cluster.quotas.put(q.getRole(), quota);
      cluster.allocator.setQuota(q.getRole(), quota);
    }
    for (Registry.Framework f : registry.getFrameworksList()) {
      frameworks.placeholder(f.getInfo(), elected);
    }
    for (Registry.Agent a : registry.getAgentsList()) {
      cluster.recoveringAgents.add(a.getInfo().getId().getValue());
    }
    for (var id : registry.getRemovedAgentsList()) {
      cluster.removedAgentIds.add(id.getValue());
    }
  }
}
