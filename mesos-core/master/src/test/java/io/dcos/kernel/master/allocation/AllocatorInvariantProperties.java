package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of master events against the allocator. The harness checks every pass: nothing
 * offered twice, reservations only to their roles, nothing to inactive, suppressed or filtered
 * framework roles, GPU agents only to GPU-aware frameworks, quota limits kept, the minimum
 * allocatable respected; and, without quota, that no offerable resources are left unoffered.
 */
class AllocatorInvariantProperties {
  private static final String[] ROLES = {"a", "a/x", "b", "c/d"};
  private static final String[] AGENT_KINDS = {
    "cpus:4;mem:8192;disk:10000;ports:[31000-31099]",
    "cpus:8;mem:16384;gpus:1",
    "cpus(a):2;mem(a):2048;cpus:2;mem:2048;ports(a):[1-10]",
    "cpus(c/d):1;mem(c/d):1024;cpus(b):3;mem(b):512",
    "cpus:0.5;mem:64",
  };

  sealed interface Op {}

  record AddAgent(int agent, int kind) implements Op {}

  record RemoveAgent(int agent) implements Op {}

  record SetAgentActive(int agent, boolean active) implements Op {}

  record AddFramework(int framework, Set<Integer> roles, boolean gpuAware) implements Op {}

  record RemoveFramework(int framework) implements Op {}

  record SetFrameworkActive(int framework, boolean active) implements Op {}

  record Allocate(int advanceSeconds) implements Op {}

  record Recover(int pick, boolean whole, int refuseSeconds) implements Op {}

  record Revive(int framework, Set<Integer> roles) implements Op {}

  record Suppress(int framework, Set<Integer> roles) implements Op {}

  record SetQuota(int role, int guaranteeCpus, int limitCpus) implements Op {}

  record SetWeight(int role, int weight) implements Op {}

  @Property(tries = 300)
  void everyPassKeepsTheAllocatorsContract(@ForAll("withoutQuota") List<Op> ops) {
    run(ops, true);
  }

  @Property(tries = 300)
  void everyPassKeepsTheContractUnderQuota(@ForAll("withQuota") List<Op> ops) {
    run(ops, false);
  }

  private static void run(List<Op> ops, boolean checkNothingLeftOver) {
    AllocatorHarness h = new AllocatorHarness();
    for (Op op : ops) {
      apply(h, op);
      if (op instanceof Allocate && checkNothingLeftOver) {
        checkNothingOfferableLeft(h);
      }
    }
    h.allocate();
  }

  private static void apply(AllocatorHarness h, Op op) {
    if (op instanceof AddAgent o) {
      String id = "n" + o.agent();
      if (!h.agentTotals.containsKey(id)) {
        h.agent(id, AGENT_KINDS[o.kind()]);
      }
    } else if (op instanceof RemoveAgent o) {
      if (h.agentTotals.containsKey("n" + o.agent())) {
        h.removeAgent("n" + o.agent());
      }
    } else if (op instanceof SetAgentActive o) {
      if (h.agentTotals.containsKey("n" + o.agent())) {
        h.setAgentActive("n" + o.agent(), o.active());
      }
    } else if (op instanceof AddFramework o) {
      if (!h.frameworks.containsKey("f" + o.framework())) {
        h.framework("f" + o.framework(), o.gpuAware(), roles(o.roles()).toArray(String[]::new));
      }
    } else if (op instanceof RemoveFramework o) {
      if (h.frameworks.containsKey("f" + o.framework())) {
        h.removeFramework("f" + o.framework());
      }
    } else if (op instanceof SetFrameworkActive o) {
      if (h.frameworks.containsKey("f" + o.framework())) {
        h.setFrameworkActive("f" + o.framework(), o.active());
      }
    } else if (op instanceof Allocate o) {
      h.advance(Duration.ofSeconds(o.advanceSeconds()));
      h.allocate();
    } else if (op instanceof Recover o) {
      recover(h, o);
    } else if (op instanceof Revive o) {
      if (h.frameworks.containsKey("f" + o.framework())) {
        h.revive("f" + o.framework(), roles(o.roles()));
      }
    } else if (op instanceof Suppress o) {
      if (h.frameworks.containsKey("f" + o.framework())) {
        h.suppress("f" + o.framework(), roles(o.roles()));
      }
    } else if (op instanceof SetQuota o) {
      h.quota(
          ROLES[o.role()],
          o.guaranteeCpus() == 0 ? "" : "cpus:" + o.guaranteeCpus(),
          o.limitCpus() == 0 ? "" : "cpus:" + (o.guaranteeCpus() + o.limitCpus()));
    } else if (op instanceof SetWeight o) {
      h.weight(ROLES[o.role()], o.weight());
    }
  }

  private static void recover(AllocatorHarness h, Recover o) {
    List<String[]> held = new ArrayList<>();
    h.outstanding.forEach(
        (agent, byFramework) ->
            byFramework.forEach(
                (fw, byRole) -> {
                  if (!byRole.isEmpty()) {
                    held.add(new String[] {agent, fw});
                  }
                }));
    if (held.isEmpty()) {
      return;
    }
    String[] pick = held.get(o.pick() % held.size());
    Resources all = h.held(pick[1], pick[0]);
    Resources part = all.minus(all.minus(ResourceText.parse("cpus:1;mem:1024")));
    h.recover(pick[1], pick[0], o.whole() ? all : part, Duration.ofSeconds(o.refuseSeconds()));
  }

  /** Without quota every agent's free resources must be taken by some eligible framework role. */
  private static void checkNothingOfferableLeft(AllocatorHarness h) {
    for (Map.Entry<String, Resources> agent : h.agentTotals.entrySet()) {
      String agentId = agent.getKey();
      if (!h.agentActive.get(agentId)) {
        continue;
      }
      Resources free = agent.getValue();
      for (String fw : h.outstanding.getOrDefault(agentId, Map.of()).keySet()) {
        free = free.minus(h.held(fw, agentId));
      }
      boolean gpuAgent = agent.getValue().scalar("gpus") > 0;
      for (Map.Entry<String, FrameworkProfile> f : h.frameworks.entrySet()) {
        FrameworkProfile p = f.getValue();
        if (!h.frameworkActive.get(f.getKey()) || (gpuAgent && !p.gpuAware())) {
          continue;
        }
        for (String role : p.roles()) {
          if (p.suppressedRoles().contains(role)) {
            continue;
          }
          Resources offerable = free.allocatableTo(role);
          boolean enough = offerable.scalar("cpus") >= 0.01 || offerable.scalar("mem") >= 32;
          boolean filtered =
              h.filters.stream()
                  .anyMatch(
                      m ->
                          m.frameworkId().equals(f.getKey())
                              && m.agentId().equals(agentId)
                              && m.refused().contains(offerable));
          if (enough && !filtered) {
            throw new AssertionError(
                "agent "
                    + agentId
                    + " left "
                    + offerable
                    + " unoffered to "
                    + f.getKey()
                    + "/"
                    + role);
          }
        }
      }
    }
  }

  private static Set<String> roles(Set<Integer> indexes) {
    Set<String> roles = new java.util.TreeSet<>();
    indexes.forEach(i -> roles.add(ROLES[i]));
    return roles;
  }

  @Provide
  Arbitrary<List<Op>> withoutQuota() {
    return operations(false);
  }

  @Provide
  Arbitrary<List<Op>> withQuota() {
    return operations(true);
  }

  private static Arbitrary<List<Op>> operations(boolean quota) {
    Arbitrary<Integer> agent = Arbitraries.integers().between(0, 7);
    Arbitrary<Integer> framework = Arbitraries.integers().between(0, 4);
    Arbitrary<Set<Integer>> someRoles =
        Arbitraries.integers().between(0, ROLES.length - 1).set().ofMinSize(1).ofMaxSize(2);
    Arbitrary<Set<Integer>> anyRoles =
        Arbitraries.integers().between(0, ROLES.length - 1).set().ofMaxSize(2);
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    Arbitrary<Op> addAgent =
        Combinators.combine(agent, Arbitraries.integers().between(0, AGENT_KINDS.length - 1))
            .as(AddAgent::new);
    Arbitrary<Op> addFramework =
        Combinators.combine(framework, someRoles, bool).as(AddFramework::new);
    Arbitrary<Op> recover =
        Combinators.combine(
                Arbitraries.integers().between(0, 50), bool, Arbitraries.of(0, 0, 3, 10))
            .as(Recover::new);
    Arbitrary<Op> quotaOp =
        Combinators.combine(
                Arbitraries.integers().between(0, ROLES.length - 1),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 6))
            .as(SetQuota::new);
    return Arbitraries.frequencyOf(
            Tuple.of(6, addAgent),
            Tuple.of(1, agent.map(RemoveAgent::new)),
            Tuple.of(1, Combinators.combine(agent, bool).as(SetAgentActive::new)),
            Tuple.of(4, addFramework),
            Tuple.of(1, framework.map(RemoveFramework::new)),
            Tuple.of(1, Combinators.combine(framework, bool).as(SetFrameworkActive::new)),
            Tuple.of(6, Arbitraries.integers().between(0, 5).map(Allocate::new)),
            Tuple.of(5, recover),
            Tuple.of(1, Combinators.combine(framework, anyRoles).as(Revive::new)),
            Tuple.of(1, Combinators.combine(framework, anyRoles).as(Suppress::new)),
            Tuple.of(quota ? 2 : 0, quotaOp),
            Tuple.of(
                1,
                Combinators.combine(
                        Arbitraries.integers().between(0, ROLES.length - 1),
                        Arbitraries.integers().between(1, 4))
                    .as(SetWeight::new)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }
}
