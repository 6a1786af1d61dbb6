package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All agents, in a stable order for allocation passes, with cluster-wide sums kept current: the
 * total of every agent (the denominator of shares) and the free unreserved quantities of active
 * agents (the headroom quota guarantees are protected from). Invariant: those sums always equal the
 * sums over the agents, because every change to an agent's total, free resources or activity goes
 * through this class.
 */
final class AgentBook {
  private final Map<String, AgentState> byId = new HashMap<>();
  private final List<AgentState> order = new ArrayList<>();
  private final Map<String, Integer> position = new HashMap<>();
  final long[] total = new long[Quantities.DIMS];
  final long[] availableUnreserved = new long[Quantities.DIMS];

  /** Set when {@link #total} changed since the role tree last re-sorted shares. */
  boolean totalsChanged;

  AgentState get(String id) {
    return byId.get(id);
  }

  List<AgentState> inOrder() {
    return order;
  }

  int size() {
    return order.size();
  }

  void add(AgentState agent) {
    if (byId.putIfAbsent(agent.id, agent) != null) {
      throw new IllegalStateException("agent " + agent.id + " is already known");
    }
    position.put(agent.id, order.size());
    order.add(agent);
    Quantities.add(total, agent.totalQ, 1);
    totalsChanged = true;
    if (agent.active) {
      Quantities.add(availableUnreserved, agent.freeUnreservedQ, 1);
    }
  }

  void remove(AgentState agent) {
    byId.remove(agent.id);
    int at = position.remove(agent.id);
    AgentState last = order.remove(order.size() - 1);
    if (last != agent) {
      order.set(at, last);
      position.put(last.id, at);
    }
    Quantities.add(total, agent.totalQ, -1);
    totalsChanged = true;
    if (agent.active) {
      Quantities.add(availableUnreserved, agent.freeUnreservedQ, -1);
    }
  }

  /** Recomputes an agent's free resources from its total and what it has allocated. */
  void refreshFree(AgentState agent) {
    setFree(agent, agent.total.minus(agent.allocated()));
  }

  void setFree(AgentState agent, Resources free) {
    if (agent.active) {
      Quantities.add(availableUnreserved, agent.freeUnreservedQ, -1);
    }
    agent.setFree(free);
    if (agent.active) {
      Quantities.add(availableUnreserved, agent.freeUnreservedQ, 1);
    }
  }

  void setTotal(AgentState agent, Resources newTotal) {
    Quantities.add(total, agent.totalQ, -1);
    agent.setTotal(newTotal);
    Quantities.add(total, agent.totalQ, 1);
    totalsChanged = true;
    refreshFree(agent);
  }

  void setActive(AgentState agent, boolean active) {
    if (agent.active == active) {
      return;
    }
    Quantities.add(availableUnreserved, agent.freeUnreservedQ, active ? 1 : -1);
    agent.active = active;
  }
}
