package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mesos's hierarchical Dominant Resource Fairness allocator, with its quota guarantees and limits,
 * static reservations, offer filters, suppression and GPU rule. Agents' free resources are offered
 * whole (cut only by reservations and quota) to one framework role at a time; a pass over 10,000
 * agents stays in the tens of milliseconds because shares are kept sorted incrementally and free
 * resources are summarised in compact arrays. Not thread-safe: the master calls it from its single
 * event loop, and time only enters through the {@code now} arguments.
 *
 * <p>Invariant: for every agent, what is held by frameworks (offered or used) plus what is free
 * equals its total, so nothing is ever offered twice.
 */
public final class HierarchicalDrfAllocator implements Allocator {
  private final AllocationLedger ledger = new AllocationLedger();
  private final QuotaBook quotas = new QuotaBook();
  private final OfferFilters filters = new OfferFilters();
  private final OfferShaper shaper = new OfferShaper(ledger, quotas);
  private boolean weightsChanged;
  private long passes;

  @Override
  public void addAgent(
      String agentId, AgentProfile profile, Resources total, Map<String, Resources> used) {
    AgentState agent = new AgentState(agentId, profile, total);
    if (ledger.agents.get(agentId) != null) {
      throw new IllegalStateException("agent " + agentId + " is already known");
    }
    for (Map.Entry<String, Resources> e : new java.util.TreeMap<>(used).entrySet()) {
      FrameworkState framework = ledger.frameworks.get(e.getKey());
      if (framework != null) {
        ledger.holdUsed(framework, agent, e.getValue());
      } else {
        ledger.holdUnattributed(e.getKey(), agent, e.getValue());
      }
    }
    agent.setFree(total.minus(agent.allocated()));
    ledger.agents.add(agent);
  }

  @Override
  public void updateAgent(String agentId, Resources total) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent != null) {
      ledger.agents.setTotal(agent, total);
    }
  }

  @Override
  public void removeAgent(String agentId) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent == null) {
      return;
    }
    for (String frameworkId : ledger.holders(agent)) {
      ledger.releaseAll(frameworkId, agent);
    }
    ledger.agents.remove(agent);
    filters.clearAgent(agentId);
  }

  @Override
  public void activateAgent(String agentId) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent != null) {
      ledger.agents.setActive(agent, true);
    }
  }

  @Override
  public void deactivateAgent(String agentId) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent != null) {
      ledger.agents.setActive(agent, false);
    }
  }

  /**
   * Adds a framework. Resources its agents already reported for it (while it was unknown) move to
   * its roles; those in {@code used} that no agent reported are added, so nothing counts twice.
   */
  @Override
  public void addFramework(
      String frameworkId, FrameworkProfile profile, Map<String, Resources> used) {
    if (ledger.frameworks.containsKey(frameworkId)) {
      throw new IllegalStateException("framework " + frameworkId + " is already known");
    }
    FrameworkState framework = new FrameworkState(frameworkId, profile.gpuAware());
    ledger.frameworks.put(frameworkId, framework);
    applyProfile(framework, profile);
    Map<String, Resources> reported = ledger.attributeHeld(framework);
    for (Map.Entry<String, Resources> e : new java.util.TreeMap<>(used).entrySet()) {
      AgentState agent = ledger.agents.get(e.getKey());
      if (agent == null) {
        continue;
      }
      Resources extra = e.getValue().minus(reported.getOrDefault(e.getKey(), Resources.EMPTY));
      if (!extra.isEmpty()) {
        ledger.holdUsed(framework, agent, extra);
        ledger.agents.refreshFree(agent);
      }
    }
  }

  @Override
  public void updateFramework(String frameworkId, FrameworkProfile profile) {
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework != null) {
      framework.gpuAware = profile.gpuAware();
      applyProfile(framework, profile);
    }
  }

  /** Subscribes the framework to exactly the profile's roles and suppression. */
  private void applyProfile(FrameworkState framework, FrameworkProfile profile) {
    Set<String> roles = FrameworkState.subscribedRoles(profile);
    for (String role : roles) {
      FrameworkRole fr = framework.roles.get(role);
      if (fr == null) {
        framework.roles.put(role, ledger.roles.join(framework, role));
      } else {
        fr.subscribed = true;
      }
    }
    for (FrameworkRole fr : new ArrayList<>(framework.roles.values())) {
      if (!roles.contains(fr.role)) {
        fr.subscribed = false;
        if (fr.holdings == 0) {
          framework.roles.remove(fr.role);
          ledger.roles.leave(fr);
        }
      }
    }
    framework.suppressed.clear();
    for (String role : profile.suppressedRoles()) {
      if (roles.contains(role)) {
        framework.suppressed.add(role);
      }
    }
    refresh(framework);
  }

  private void refresh(FrameworkState framework) {
    for (FrameworkRole fr : framework.roles.values()) {
      ledger.roles.refresh(fr);
    }
  }

  /** Forgets the framework and frees whatever it still held. */
  @Override
  public void removeFramework(String frameworkId) {
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework == null) {
      return;
    }
    for (String agentId : new ArrayList<>(framework.agentsWithAllocation)) {
      AgentState agent = ledger.agents.get(agentId);
      ledger.releaseAll(frameworkId, agent);
      ledger.agents.refreshFree(agent);
    }
    for (FrameworkRole fr : framework.roles.values()) {
      ledger.roles.leave(fr);
    }
    ledger.frameworks.remove(frameworkId);
    filters.clearFramework(frameworkId);
  }

  @Override
  public void activateFramework(String frameworkId) {
    setFrameworkActive(frameworkId, true);
  }

  @Override
  public void deactivateFramework(String frameworkId) {
    setFrameworkActive(frameworkId, false);
  }

  private void setFrameworkActive(String frameworkId, boolean active) {
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework != null && framework.active != active) {
      framework.active = active;
      refresh(framework);
    }
  }

  @Override
  public void addUsed(String frameworkId, String agentId, Resources used) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent == null || used.isEmpty()) {
      return;
    }
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework != null) {
      ledger.holdUsed(framework, agent, used);
    } else {
      ledger.holdUnattributed(frameworkId, agent, used);
    }
    ledger.agents.refreshFree(agent);
  }

  @Override
  public void recoverResources(
      String frameworkId, String agentId, Resources resources, Duration refuse, Instant now) {
    AgentState agent = ledger.agents.get(agentId);
    if (agent == null) {
      return;
    }
    Resources released = ledger.release(frameworkId, agent, resources);
    if (!released.isEmpty()) {
      ledger.agents.refreshFree(agent);
    }
    if (refuse != null
        && !refuse.isNegative()
        && !refuse.isZero()
        && ledger.frameworks.containsKey(frameworkId)) {
      filters.add(frameworkId, agentId, resources, now.plus(refuse));
    }
  }

  @Override
  public void revive(String frameworkId, Set<String> roles) {
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework == null) {
      return;
    }
    filters.clearFramework(frameworkId);
    if (roles.isEmpty()) {
      framework.suppressed.clear();
    } else {
      framework.suppressed.removeAll(roles);
    }
    refresh(framework);
  }

  @Override
  public void suppress(String frameworkId, Set<String> roles) {
    FrameworkState framework = ledger.frameworks.get(frameworkId);
    if (framework == null) {
      return;
    }
    for (FrameworkRole fr : framework.roles.values()) {
      if (fr.subscribed && (roles.isEmpty() || roles.contains(fr.role))) {
        framework.suppressed.add(fr.role);
      }
    }
    refresh(framework);
  }

  @Override
  public void setWeight(String role, double weight) {
    ledger.roles.setWeight(role, weight);
    weightsChanged = true;
  }

  @Override
  public void setQuota(String role, Quota quota) {
    quotas.set(role, quota);
  }

  @Override
  public List<Allocation> allocate(Instant now) {
    filters.expire(now);
    if (ledger.agents.totalsChanged || weightsChanged) {
      ledger.roles.resort(ledger.agents.total);
      ledger.agents.totalsChanged = false;
      weightsChanged = false;
    }
    return new AllocationPass(ledger, quotas, filters, shaper, passes++).run();
  }

  @Override
  public Optional<Instant> nextFilterExpiry() {
    return filters.earliestExpiry();
  }
}
