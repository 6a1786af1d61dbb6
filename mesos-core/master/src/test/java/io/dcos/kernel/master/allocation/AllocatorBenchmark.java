package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Times allocation passes at Mesos's published scale: 10,000 agents and 1,000 frameworks in 100
 * roles (some nested, weighted, with quota and static reservations). Two scenarios: a pass over a
 * cluster where every agent is free, and steady-state passes after 10% of agents gave part of their
 * resources back (a fifth of them with a refuse filter). Run with {@code
 * mesos-core/master/bench/allocator.sh}; the seed is fixed so runs are comparable.
 */
public final class AllocatorBenchmark {
  static final int AGENTS = 10_000;
  static final int FRAMEWORKS = 1_000;
  static final int ROLES = 100;
  static final int WARMUP = 20;
  static final int MEASURED = 50;

  private final Random random = new Random(20261122L);
  private final HierarchicalDrfAllocator allocator = new HierarchicalDrfAllocator();
  private final Map<String, List<Allocation>> outstanding = new HashMap<>();
  private final List<String> agentIds = new ArrayList<>();
  private Instant now = Instant.parse("2026-11-22T00:00:00Z");

  public static void main(String[] args) {
    AllocatorBenchmark bench = new AllocatorBenchmark();
    bench.seed();
    System.out.printf(
        Locale.ROOT,
        "agents=%d frameworks=%d roles=%d warmup=%d measured=%d%n",
        AGENTS,
        FRAMEWORKS,
        ROLES,
        WARMUP,
        MEASURED);
    bench.report("all agents free", bench.fullPasses());
    bench.report("steady state, 10% of agents partly recovered", bench.steadyPasses());
  }

  static String role(int i) {
    return i < 60 ? "team-" + i : "org-" + (i % 8) + "/svc-" + i;
  }

  private void seed() {
    for (int i = 0; i < ROLES; i++) {
      if (i % 10 == 0) {
        allocator.setWeight(role(i), 2.0);
      } else if (i % 7 == 0) {
        allocator.setWeight(role(i), 0.5);
      }
    }
    for (int i = 0; i < 10; i++) {
      // Guarantees worth about 100 agents' cpus each, and a few limits.
      allocator.setQuota(
          role(i * 9), new Quota(ResourceText.parse("cpus:1600;mem:6553600"), Resources.EMPTY));
    }
    for (int i = 0; i < 5; i++) {
      allocator.setQuota(
          role(i * 13 + 1), new Quota(Resources.EMPTY, ResourceText.parse("cpus:4000")));
    }
    AgentProfile profile = new AgentProfile("host", Map.of("rack", "r1"), "region", "zone");
    for (int a = 0; a < AGENTS; a++) {
      String id = String.format("agent-%05d", a);
      String text = "cpus:16;mem:65536;disk:500000;ports:[31000-32000]";
      if (a % 20 == 0) {
        String r = role(a / 20 % ROLES);
        text =
            "cpus:12;mem:49152;disk:500000;ports:[31000-32000];cpus("
                + r
                + "):4;mem("
                + r
                + "):16384";
      } else if (a % 100 == 1) {
        text = text + ";gpus:4";
      }
      allocator.addAgent(id, profile, ResourceText.parse(text), Map.of());
      agentIds.add(id);
    }
    for (int f = 0; f < FRAMEWORKS; f++) {
      Set<String> roles = new TreeSet<>();
      roles.add(role(f % ROLES));
      if (f % 10 == 3) {
        roles.add(role((f * 7 + 11) % ROLES));
      }
      allocator.addFramework(
          String.format("framework-%04d", f),
          new FrameworkProfile(roles, Set.of(), f % 20 == 5),
          Map.of());
    }
  }

  private long[] fullPasses() {
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      recoverAll();
      settle();
      long t0 = System.nanoTime();
      List<Allocation> offers = allocator.allocate(now);
      long t1 = System.nanoTime();
      record(offers);
      if (i >= WARMUP) {
        nanos[i - WARMUP] = t1 - t0;
      }
      if (i == 0) {
        System.out.printf(Locale.ROOT, "  first full pass made %d offers%n", offers.size());
      }
    }
    return nanos;
  }

  private long[] steadyPasses() {
    long[] nanos = new long[MEASURED];
    int offersSum = 0;
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      recoverSome();
      now = now.plus(Duration.ofSeconds(1));
      settle();
      long t0 = System.nanoTime();
      List<Allocation> offers = allocator.allocate(now);
      long t1 = System.nanoTime();
      record(offers);
      offersSum += offers.size();
      if (i >= WARMUP) {
        nanos[i - WARMUP] = t1 - t0;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  steady passes made %d offers on average%n",
        offersSum / (WARMUP + MEASURED));
    return nanos;
  }

  /**
   * Collects the garbage the untimed set-up (recovering offers) left, so that its collection is not
   * charged to the pass; what the pass itself allocates is still collected inside it.
   */
  private static void settle() {
    System.gc();
  }

  private void record(List<Allocation> offers) {
    for (Allocation a : offers) {
      outstanding.computeIfAbsent(a.agentId(), k -> new ArrayList<>()).add(a);
    }
  }

  private void recoverAll() {
    for (Map.Entry<String, List<Allocation>> e : outstanding.entrySet()) {
      for (Allocation a : e.getValue()) {
        allocator.recoverResources(a.frameworkId(), a.agentId(), a.resources(), Duration.ZERO, now);
      }
    }
    outstanding.clear();
  }

  /** A tenth of the agents get half of one holder's cpus and mem back, like finished tasks. */
  private void recoverSome() {
    Resources half = ResourceText.parse("cpus:8;mem:32768");
    for (int n = 0; n < AGENTS / 10; n++) {
      String agentId = agentIds.get(random.nextInt(AGENTS));
      List<Allocation> held = outstanding.get(agentId);
      if (held == null || held.isEmpty()) {
        continue;
      }
      Allocation a = held.remove(random.nextInt(held.size()));
      Resources back = a.resources().minus(a.resources().minus(half));
      Duration refuse = random.nextInt(5) == 0 ? Duration.ofSeconds(5) : Duration.ZERO;
      allocator.recoverResources(a.frameworkId(), agentId, back, refuse, now);
      Resources kept = a.resources().minus(back);
      if (!kept.isEmpty()) {
        held.add(new Allocation(a.frameworkId(), a.role(), agentId, kept));
      }
    }
  }

  private void report(String scenario, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    double p50 = sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6;
    double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
    double max = sorted[sorted.length - 1] / 1e6;
    System.out.printf(
        Locale.ROOT,
        "%s: mean %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d passes)%n",
        scenario,
        mean,
        p50,
        p99,
        max,
        nanos.length);
  }
}
