package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.config.MasterProperties;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Read-only access to the leading master's state for the HTTP endpoints. Only valid inside {@link
 * Master#query}, which runs the reader on the loop thread.
 */
public final class ClusterView {
  private final Cluster cluster;
  private final MasterContext context;

  ClusterView(Cluster cluster, MasterContext context) {
    this.cluster = cluster;
    this.context = context;
  }

  public MasterInfo masterInfo() {
    return cluster.masterInfo;
  }

  public Instant electedTime() {
    return cluster.electedTime;
  }

  public Instant now() {
    return context.now();
  }

  public MasterProperties properties() {
    return context.properties();
  }

  public Collection<AgentRecord> agents() {
    return cluster.agents.values();
  }

  public Collection<FrameworkRecord> frameworks() {
    return cluster.frameworks.values();
  }

  public Collection<OfferRecord> offers() {
    return cluster.offers.values();
  }

  public Collection<FrameworkInfo> completedFrameworks() {
    return cluster.completedFrameworks;
  }

  public Map<String, Double> weights() {
    return cluster.weights;
  }

  /** Roles' quotas (guarantee and limit), by role. */
  public Map<String, Quota> quotas() {
    return cluster.quotas;
  }

  /** How many tasks reached each terminal state since this master was elected. */
  public Map<io.dcos.kernel.protocol.TaskState, Long> terminalTaskCounts() {
    return cluster.terminalCounts;
  }

  public int recoveringAgents() {
    return cluster.recoveringAgents.size();
  }

  public int operatorSubscribers() {
    return context.observers().count();
  }
}
