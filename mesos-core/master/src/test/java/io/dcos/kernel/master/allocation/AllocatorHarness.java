package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.ResourceKey;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A scenario harness for the allocator: seeds agents and frameworks, drives virtual time, runs
 * passes, and keeps its own independent account of what is outstanding (offered and not given back)
 * so that tests can assert on it and every pass is checked against the allocator's contract.
 */
final class AllocatorHarness {
  static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

  final HierarchicalDrfAllocator allocator = new HierarchicalDrfAllocator();
  Instant now = START;

  final Map<String, Resources> agentTotals = new LinkedHashMap<>();
  final Map<String, Boolean> agentActive = new HashMap<>();
  final Map<String, FrameworkProfile> frameworks = new LinkedHashMap<>();
  final Map<String, Boolean> frameworkActive = new HashMap<>();

  /** Agent id to framework id to role to what is outstanding there. */
  final Map<String, Map<String, Map<String, Resources>>> outstanding = new TreeMap<>();

  final Map<String, Quota> quotas = new HashMap<>();

  /** The model's own offer filters, to check the allocator honours them. */
  final List<ModelFilter> filters = new ArrayList<>();

  record ModelFilter(String frameworkId, String agentId, Resources refused, Instant expiry) {}

  AllocatorHarness agent(String id, String resources) {
    Resources total = ResourceText.parse(resources);
    allocator.addAgent(id, new AgentProfile(id + ".example", Map.of(), "", ""), total, Map.of());
    agentTotals.put(id, total);
    agentActive.put(id, true);
    return this;
  }

  AllocatorHarness agents(int count, String prefix, String resources) {
    for (int i = 0; i < count; i++) {
      agent(String.format("%s%03d", prefix, i), resources);
    }
    return this;
  }

  AllocatorHarness framework(String id, String... roles) {
    return framework(id, false, roles);
  }

  AllocatorHarness framework(String id, boolean gpuAware, String... roles) {
    FrameworkProfile profile = new FrameworkProfile(Set.of(roles), Set.of(), gpuAware);
    allocator.addFramework(id, profile, Map.of());
    frameworks.put(id, profile);
    frameworkActive.put(id, true);
    return this;
  }

  AllocatorHarness weight(String role, double weight) {
    allocator.setWeight(role, weight);
    return this;
  }

  AllocatorHarness quota(String role, String guarantee, String limit) {
    Quota quota = new Quota(ResourceText.parse(guarantee), ResourceText.parse(limit));
    allocator.setQuota(role, quota);
    quotas.put(role, quota);
    return this;
  }

  AllocatorHarness advance(Duration d) {
    now = now.plus(d);
    return this;
  }

  /** Runs a pass, checks the contract on its result, and records the allocations. */
  List<Allocation> allocate() {
    Map<String, Resources> heldBefore = new HashMap<>();
    quotas.keySet().forEach(role -> heldBefore.put(role, heldBySubtree(role)));
    List<Allocation> result = allocator.allocate(now);
    filters.removeIf(f -> !f.expiry().isAfter(now));
    for (Allocation a : result) {
      checkEligible(a);
      outstanding
          .computeIfAbsent(a.agentId(), k -> new TreeMap<>())
          .computeIfAbsent(a.frameworkId(), k -> new TreeMap<>())
          .merge(a.role(), a.resources(), Resources::plus);
    }
    checkNothingOfferedTwice();
    checkLimits(heldBefore);
    return result;
  }

  /** Gives back part of what a framework holds on an agent, optionally refusing it for a while. */
  void recover(String frameworkId, String agentId, Resources resources, Duration refuse) {
    allocator.recoverResources(frameworkId, agentId, resources, refuse, now);
    Map<String, Resources> byRole =
        outstanding.getOrDefault(agentId, Map.of()).getOrDefault(frameworkId, Map.of());
    Resources rest = resources;
    for (Map.Entry<String, Resources> e : byRole.entrySet()) {
      Resources taken = e.getValue().minus(e.getValue().minus(rest));
      e.setValue(e.getValue().minus(taken));
      rest = rest.minus(taken);
    }
    byRole.values().removeIf(Resources::isEmpty);
    if (!refuse.isZero() && frameworks.containsKey(frameworkId)) {
      filters.add(new ModelFilter(frameworkId, agentId, resources, now.plus(refuse)));
    }
  }

  void decline(Allocation a, Duration refuse) {
    recover(a.frameworkId(), a.agentId(), a.resources(), refuse);
  }

  void recoverEverything(String frameworkId) {
    for (String agentId : new ArrayList<>(outstanding.keySet())) {
      recover(frameworkId, agentId, held(frameworkId, agentId), Duration.ZERO);
    }
  }

  void revive(String frameworkId, Set<String> roles) {
    allocator.revive(frameworkId, roles);
    filters.removeIf(f -> f.frameworkId().equals(frameworkId));
    FrameworkProfile p = frameworks.get(frameworkId);
    Set<String> suppressed = new java.util.TreeSet<>(p.suppressedRoles());
    if (roles.isEmpty()) {
      suppressed.clear();
    } else {
      suppressed.removeAll(roles);
    }
    frameworks.put(frameworkId, new FrameworkProfile(p.roles(), suppressed, p.gpuAware()));
  }

  void suppress(String frameworkId, Set<String> roles) {
    allocator.suppress(frameworkId, roles);
    FrameworkProfile p = frameworks.get(frameworkId);
    Set<String> suppressed = new java.util.TreeSet<>(p.suppressedRoles());
    suppressed.addAll(roles.isEmpty() ? p.roles() : roles);
    suppressed.retainAll(p.roles());
    frameworks.put(frameworkId, new FrameworkProfile(p.roles(), suppressed, p.gpuAware()));
  }

  void removeFramework(String frameworkId) {
    allocator.removeFramework(frameworkId);
    frameworks.remove(frameworkId);
    frameworkActive.remove(frameworkId);
    outstanding.values().forEach(m -> m.remove(frameworkId));
    filters.removeIf(f -> f.frameworkId().equals(frameworkId));
  }

  void removeAgent(String agentId) {
    allocator.removeAgent(agentId);
    agentTotals.remove(agentId);
    agentActive.remove(agentId);
    outstanding.remove(agentId);
    filters.removeIf(f -> f.agentId().equals(agentId));
  }

  void setAgentActive(String agentId, boolean active) {
    if (active) {
      allocator.activateAgent(agentId);
    } else {
      allocator.deactivateAgent(agentId);
    }
    agentActive.put(agentId, active);
  }

  void setFrameworkActive(String frameworkId, boolean active) {
    if (active) {
      allocator.activateFramework(frameworkId);
    } else {
      allocator.deactivateFramework(frameworkId);
    }
    frameworkActive.put(frameworkId, active);
  }

  /** What a framework holds on an agent over all its roles. */
  Resources held(String frameworkId, String agentId) {
    Resources sum = Resources.EMPTY;
    for (Resources r :
        outstanding.getOrDefault(agentId, Map.of()).getOrDefault(frameworkId, Map.of()).values()) {
      sum = sum.plus(r);
    }
    return sum;
  }

  /** What a framework holds over the cluster, in one role or (null) all of them. */
  Resources heldBy(String frameworkId, String role) {
    Resources sum = Resources.EMPTY;
    for (Map<String, Map<String, Resources>> byFramework : outstanding.values()) {
      for (Map.Entry<String, Resources> e :
          byFramework.getOrDefault(frameworkId, Map.of()).entrySet()) {
        if (role == null || e.getKey().equals(role)) {
          sum = sum.plus(e.getValue());
        }
      }
    }
    return sum;
  }

  /** What all frameworks hold in {@code role} and its sub-roles. */
  Resources heldBySubtree(String role) {
    Resources sum = Resources.EMPTY;
    for (Map<String, Map<String, Resources>> byFramework : outstanding.values()) {
      for (Map<String, Resources> byRole : byFramework.values()) {
        for (Map.Entry<String, Resources> e : byRole.entrySet()) {
          if (Roles.isSelfOrAncestor(role, e.getKey())) {
            sum = sum.plus(e.getValue());
          }
        }
      }
    }
    return sum;
  }

  /** Number of agents on which the framework holds something. */
  long agentsHeldBy(String frameworkId) {
    return outstanding.values().stream()
        .filter(m -> m.containsKey(frameworkId) && !m.get(frameworkId).isEmpty())
        .count();
  }

  private void checkEligible(Allocation a) {
    String fw = a.frameworkId();
    FrameworkProfile profile = frameworks.get(fw);
    require(profile != null, "offer to unknown framework", a);
    require(agentTotals.containsKey(a.agentId()), "offer of unknown agent", a);
    require(frameworkActive.get(fw), "offer to inactive framework", a);
    require(agentActive.get(a.agentId()), "offer of inactive agent", a);
    require(profile.roles().contains(a.role()), "offer for a role the framework lacks", a);
    require(!profile.suppressedRoles().contains(a.role()), "offer to a suppressed role", a);
    require(!a.resources().isEmpty(), "empty offer", a);
    require(
        a.resources().scalar("cpus") >= 0.01 || a.resources().scalar("mem") >= 32,
        "offer below the minimum allocatable",
        a);
    require(
        profile.gpuAware() || agentTotals.get(a.agentId()).scalar("gpus") == 0,
        "GPU agent offered to a framework without GPU support",
        a);
    for (String reserved : a.resources().reservedRoles()) {
      require(
          Roles.isSelfOrAncestor(reserved, a.role()),
          "resources reserved to " + reserved + " offered to another role",
          a);
    }
    for (ModelFilter f : filters) {
      require(
          !(f.frameworkId().equals(fw)
              && f.agentId().equals(a.agentId())
              && f.refused().contains(a.resources())),
          "offer of refused resources before the filter expired",
          a);
    }
  }

  private void checkNothingOfferedTwice() {
    for (Map.Entry<String, Map<String, Map<String, Resources>>> e : outstanding.entrySet()) {
      Resources sum = Resources.EMPTY;
      for (Map<String, Resources> byRole : e.getValue().values()) {
        for (Resources r : byRole.values()) {
          sum = sum.plus(r);
        }
      }
      Resources total = agentTotals.get(e.getKey());
      if (!total.contains(sum)) {
        throw new AssertionError(
            "agent " + e.getKey() + " has " + sum + " outstanding but only " + total);
      }
    }
  }

  /** A pass never takes a role further beyond its limit (a limit may be set below holdings). */
  private void checkLimits(Map<String, Resources> heldBefore) {
    for (Map.Entry<String, Quota> e : quotas.entrySet()) {
      Resources limit = e.getValue().limit();
      if (limit.isEmpty()) {
        continue;
      }
      Resources held = heldBySubtree(e.getKey());
      for (ResourceKey k : limit.scalarKeys()) {
        double after = held.scalar(k.name());
        double before = heldBefore.get(e.getKey()).scalar(k.name());
        if (after > limit.scalar(k.name()) + 1e-9 && after > before + 1e-9) {
          throw new AssertionError(
              "role " + e.getKey() + " holds " + held + " beyond its limit " + limit);
        }
      }
    }
  }

  private static void require(boolean ok, String what, Allocation a) {
    if (!ok) {
      throw new AssertionError(what + ": " + a);
    }
  }
}
