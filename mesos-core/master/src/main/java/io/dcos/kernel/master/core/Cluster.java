package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Allocator;
import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the leading master holds in memory during one term of leadership: agents, frameworks,
 * their tasks and outstanding offers, and the allocator. Created on election, discarded on
 * demotion. Only the master's loop thread touches it.
 */
final class Cluster {
  final MasterInfo masterInfo;
  final Instant electedTime;
  final Allocator allocator;
  final Map<String, AgentRecord> agents = new LinkedHashMap<>();
  final Map<String, FrameworkRecord> frameworks = new LinkedHashMap<>();
  final Map<String, OfferRecord> offers = new HashMap<>();
  final Deque<FrameworkInfo> completedFrameworks = new ArrayDeque<>();
  final Set<String> removedFrameworkIds = new HashSet<>();
  final Set<String> removedAgentIds = new HashSet<>();

  /** Agents from the registry that have not re-registered with this leader yet. */
  final Set<String> recoveringAgents = new HashSet<>();

  final Map<String, Double> weights = new HashMap<>();

  /** Roles' quotas as the registry holds them; the allocator holds the same. */
  final Map<String, Quota> quotas = new HashMap<>();

  final Map<AgentLink, String> agentByLink = new IdentityHashMap<>();
  final Map<FrameworkLink, String> frameworkByLink = new IdentityHashMap<>();

  /**
   * When each agent stream was last heard from, written by the stream's thread as messages arrive,
   * so a long queue on the loop cannot make a live agent look silent.
   */
  final Map<AgentLink, Instant> lastHeard = new ConcurrentHashMap<>();

  /** Tasks that reached each terminal state during this term, for the metrics. */
  final Map<TaskState, Long> terminalCounts = new EnumMap<>(TaskState.class);

  private long nextAgent;
  private long nextFramework;
  private long nextOffer;

  Cluster(MasterInfo masterInfo, Instant electedTime, Allocator allocator) {
    this.masterInfo = masterInfo;
    this.electedTime = electedTime;
    this.allocator = allocator;
  }

  void countTerminal(TaskState state) {
    terminalCounts.merge(state, 1L, Long::sum);
  }

  String newAgentId() {
    return masterInfo.getId() + "-S" + nextAgent++;
  }

  String newFrameworkId() {
    return String.format("%s-%04d", masterInfo.getId(), nextFramework++);
  }

  String newOfferId() {
    return masterInfo.getId() + "-O" + nextOffer++;
  }

  Optional<TaskRecord> task(String frameworkId, String taskId) {
    FrameworkRecord f = frameworks.get(frameworkId);
    return f == null ? Optional.empty() : Optional.ofNullable(f.tasks.get(taskId));
  }
}
