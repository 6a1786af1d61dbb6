package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who holds which resources of which agent, kept consistent in three places at once: the agent's
 * per-framework holdings, the framework's list of agents, and the role tree's shares. Resources on
 * an agent held by a framework the allocator does not know yet (reported by a re-registering agent
 * before the framework re-subscribes) are held {@link AgentState#UNATTRIBUTED}: they are not free,
 * but count for no role until the framework arrives. Invariant: what an agent holds for frameworks
 * is exactly its holdings, and the role tree's quantities are their sums per role.
 */
final class AllocationLedger {
  final AgentBook agents = new AgentBook();
  final Map<String, FrameworkState> frameworks = new HashMap<>();
  final RoleTree roles = new RoleTree();
  private final Map<String, Set<String>> unattributedAgents = new HashMap<>();

  /** Records that a framework role now holds {@code r} on the agent (free is not refreshed). */
  void hold(FrameworkRole fr, AgentState agent, Resources r, long[] q) {
    Map<String, Resources> byRole =
        agent.holdings.computeIfAbsent(fr.framework.id, k -> new TreeMap<>());
    Resources before = byRole.get(fr.role);
    if (before == null) {
      fr.holdings++;
      byRole.put(fr.role, r);
    } else {
      byRole.put(fr.role, before.plus(r));
    }
    fr.framework.agentsWithAllocation.add(agent.id);
    roles.allocate(fr, q, 1);
  }

  /** Records used resources of a framework on an agent, split by the roles that may hold them. */
  void holdUsed(FrameworkState framework, AgentState agent, Resources used) {
    if (used.isEmpty()) {
      return;
    }
    for (String reservation : used.reservedRoles()) {
      Resources part = used.reservedTo(reservation);
      FrameworkRole fr = framework.roles.get(framework.roleForReservation(reservation));
      hold(fr, agent, part, Quantities.of(part));
    }
    Resources unreserved = used.unreserved();
    if (!unreserved.isEmpty()) {
      FrameworkRole fr = framework.roles.get(framework.primaryRole());
      hold(fr, agent, unreserved, Quantities.of(unreserved));
    }
  }

  /** Records resources held by a framework that is not known yet. */
  void holdUnattributed(String frameworkId, AgentState agent, Resources r) {
    if (r.isEmpty()) {
      return;
    }
    agent
        .holdings
        .computeIfAbsent(frameworkId, k -> new TreeMap<>())
        .merge(AgentState.UNATTRIBUTED, r, Resources::plus);
    unattributedAgents.computeIfAbsent(frameworkId, k -> new LinkedHashSet<>()).add(agent.id);
  }

  /**
   * Gives back up to {@code r} of what a framework holds on an agent, from whichever of its roles
   * hold it, and returns what was actually given back (free is not refreshed).
   */
  Resources release(String frameworkId, AgentState agent, Resources r) {
    Map<String, Resources> byRole = agent.holdings.get(frameworkId);
    if (byRole == null || r.isEmpty()) {
      return Resources.EMPTY;
    }
    Resources rest = r;
    Resources released = Resources.EMPTY;
    for (String role : new ArrayList<>(byRole.keySet())) {
      Resources held = byRole.get(role);
      Resources taken = held.minus(held.minus(rest));
      if (taken.isEmpty()) {
        continue;
      }
      releaseExactly(frameworkId, agent, role, taken);
      released = released.plus(taken);
      rest = rest.minus(taken);
      if (rest.isEmpty()) {
        break;
      }
    }
    return released;
  }

  /** Gives back everything a framework holds on an agent (free is not refreshed). */
  void releaseAll(String frameworkId, AgentState agent) {
    Map<String, Resources> byRole = agent.holdings.get(frameworkId);
    if (byRole == null) {
      return;
    }
    for (Map.Entry<String, Resources> e : new ArrayList<>(byRole.entrySet())) {
      releaseExactly(frameworkId, agent, e.getKey(), e.getValue());
    }
  }

  private void releaseExactly(String frameworkId, AgentState agent, String role, Resources r) {
    Map<String, Resources> byRole = agent.holdings.get(frameworkId);
    Resources left = byRole.get(role).minus(r);
    FrameworkState framework = frameworks.get(frameworkId);
    FrameworkRole fr =
        AgentState.UNATTRIBUTED.equals(role) || framework == null
            ? null
            : framework.roles.get(role);
    if (left.isEmpty()) {
      byRole.remove(role);
      if (fr != null) {
        fr.holdings--;
      }
      if (byRole.isEmpty()) {
        agent.holdings.remove(frameworkId);
        if (framework != null) {
          framework.agentsWithAllocation.remove(agent.id);
        }
        Set<String> unattributed = unattributedAgents.get(frameworkId);
        if (unattributed != null && unattributed.remove(agent.id) && unattributed.isEmpty()) {
          unattributedAgents.remove(frameworkId);
        }
      }
    } else {
      byRole.put(role, left);
    }
    if (fr != null) {
      roles.allocate(fr, Quantities.of(r), -1);
      if (!fr.subscribed && fr.holdings == 0) {
        framework.roles.remove(role);
        roles.leave(fr);
      }
    }
  }

  /**
   * Moves what agents held for a framework before it was known to its roles, and returns those
   * resources per agent.
   */
  Map<String, Resources> attributeHeld(FrameworkState framework) {
    Map<String, Resources> moved = new HashMap<>();
    Set<String> agentIds = unattributedAgents.remove(framework.id);
    if (agentIds == null) {
      return moved;
    }
    for (String agentId : agentIds) {
      AgentState agent = agents.get(agentId);
      Map<String, Resources> byRole = agent == null ? null : agent.holdings.get(framework.id);
      Resources held = byRole == null ? null : byRole.remove(AgentState.UNATTRIBUTED);
      if (held == null) {
        continue;
      }
      if (byRole.isEmpty()) {
        agent.holdings.remove(framework.id);
      }
      holdUsed(framework, agent, held);
      moved.put(agentId, held);
    }
    return moved;
  }

  /** Frameworks with resources on the agent, in a stable order. */
  List<String> holders(AgentState agent) {
    List<String> ids = new ArrayList<>(agent.holdings.keySet());
    ids.sort(String::compareTo);
    return ids;
  }
}
