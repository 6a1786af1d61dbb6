package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.config.MasterProperties;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A leader's cluster built by hand for tests of the read side (HTTP endpoints): add records, then
 * take a {@link ClusterView} of them. No loop, registry or allocator is involved.
 */
public final class ClusterFixture {
  /** Defaults of a master as tests use them; only the cluster name differs from production. */
  public static final MasterProperties PROPERTIES =
      new MasterProperties(
          "zk://127.0.0.1:2181/mesos",
          "127.0.0.1",
          5050,
          5060,
          "",
          "test-cluster",
          "",
          "",
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofMinutes(2),
          Duration.ofSeconds(5),
          1000,
          50);

  private final Cluster cluster;
  private final MasterContext context;

  public ClusterFixture(MasterInfo masterInfo, Instant electedTime, Instant now) {
    this.cluster = new Cluster(masterInfo, electedTime, null);
    this.context =
        new MasterContext(
            PROPERTIES, Clock.fixed(now, ZoneOffset.UTC), null, new Observers(), Runnable::run);
  }

  public ClusterFixture agent(AgentRecord agent) {
    cluster.agents.put(agent.id, agent);
    return this;
  }

  public ClusterFixture framework(FrameworkRecord framework) {
    cluster.frameworks.put(framework.id, framework);
    return this;
  }

  /** Adds an outstanding offer, to the cluster and to its framework. */
  public ClusterFixture offer(OfferRecord offer) {
    cluster.offers.put(offer.id(), offer);
    FrameworkRecord f = cluster.frameworks.get(offer.frameworkId());
    if (f != null) {
      f.offers.put(offer.id(), offer);
    }
    return this;
  }

  /** Records that a task ended in {@code state} during this term. */
  public ClusterFixture ended(io.dcos.kernel.protocol.TaskState state) {
    cluster.countTerminal(state);
    return this;
  }

  public ClusterFixture completedFramework(FrameworkInfo info) {
    cluster.completedFrameworks.addLast(info);
    return this;
  }

  public ClusterFixture weight(String role, double weight) {
    cluster.weights.put(role, weight);
    return this;
  }

  public ClusterFixture quota(String role, Quota quota) {
    cluster.quotas.put(role, quota);
    return this;
  }

  public ClusterView view() {
    return new ClusterView(cluster, context);
  }
}
