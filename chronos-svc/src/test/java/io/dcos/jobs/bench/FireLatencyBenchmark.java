package io.dcos.jobs.bench;

import static org.awaitility.Awaitility.await;

import io.dcos.jobs.ChronosApplication;
import io.dcos.jobs.Jobs;
import io.dcos.jobs.TestCluster;
import io.dcos.jobs.engine.FireLateness;
import io.dcos.jobs.engine.JobCatalog;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedCluster;
import io.dcos.kernel.simulator.tasks.TaskBehaviour;
import io.dcos.kernel.simulator.tasks.TaskScript;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fire lateness of chronos-svc: {@code jobs} jobs registered, {@code due} of them due in the same
 * second, launched on simulated agents of a real master. Reports, per fire, due time to the claim,
 * to the task recorded, to the LAUNCH call and to TASK_RUNNING stored, as p50/p99/max. With {@code
 * warmup} above zero, that many other jobs (counted in {@code jobs}) fire together 15 s earlier and
 * are not reported, so the measured fire finds the service warm, as in steady use.
 *
 * <p>Usage: {@code FireLatencyBenchmark <jobs> <due> <agents> <master.jar> [warmup]}.
 */
public final class FireLatencyBenchmark {
  private FireLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(args[0]);
    int dueCount = Integer.parseInt(args[1]);
    int agents = Integer.parseInt(args[2]);
    String masterJar = args[3];
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    String masterIp = "127.5.100.2";
    try (TestCluster base = new TestCluster("127.5.100.1");
        KernelProcess master =
            new KernelProcess(
                    "bench-master",
                    masterIp,
                    masterJar,
                    List.of("-Xmx1g", "-XX:+UseParallelGC"),
                    List.of(
                        "--zk=" + base.zkUrl("/mesos"),
                        "--ip=" + masterIp,
                        "--port=5050",
                        "--grpc_port=5060",
                        "--mesos.master.default-refuse=1s"))
                .start();
        SimulatedCluster sim =
            SimulatedCluster.builder()
                .zooKeeper(ZooKeeperUrl.parse(base.zkUrl("/mesos")))
                .agents(agents, AgentSpec.uniform("bench", "cpus:64;mem:262144;disk:10000", "", 0))
                .taskScript(TaskScript.always(TaskBehaviour.finishAfter(Duration.ofSeconds(5))))
                .start();
        ConfigurableApplicationContext app =
            SpringApplication.run(
                ChronosApplication.class,
                base.chronosArgs("--server.port=0", "--logging.level.io.dcos.jobs=WARN"))) {
      System.out.printf("master pid %d, %d simulated agents%n", master.pid(), sim.agents().size());
      JobCatalog catalog = app.getBean(JobCatalog.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long t0 = System.nanoTime();
      for (int i = 0; i < jobs - dueCount - warmup; i++) {
        catalog.put(
            Jobs.scheduled(
                "idle-" + i,
                Jobs.iso(
                    "R/2035-01-01T00:00:00Z/P1D", ConcurrencyPolicy.ALLOW, Duration.ofMinutes(5)),
                RestartPolicy.NEVER));
      }
      Instant due =
          Instant.now()
              .truncatedTo(ChronoUnit.SECONDS)
              .plusSeconds(30 + (dueCount + warmup) / 50 + (warmup > 0 ? 15 : 0));
      for (int i = 0; i < warmup; i++) {
        catalog.put(
            Jobs.scheduled(
                "warm-" + i,
                Jobs.iso(
                    "R1/" + due.minusSeconds(15) + "/PT1H",
                    ConcurrencyPolicy.ALLOW,
                    Duration.ofMinutes(5)),
                RestartPolicy.NEVER));
      }
      for (int i = 0; i < dueCount; i++) {
        JobSpec j =
            Jobs.scheduled(
                "due-" + i,
                Jobs.iso("R1/" + due + "/PT1H", ConcurrencyPolicy.ALLOW, Duration.ofMinutes(5)),
                RestartPolicy.NEVER);
        catalog.put(j);
      }
      System.out.printf(
          "registered %d jobs in %.1f s; %d due at %s, %d warm-up fires 15 s before%n",
          jobs, (System.nanoTime() - t0) / 1e9, dueCount, due, warmup);
      FireLateness lateness = app.getBean(FireLateness.class);
      long[] warmLaunched = new long[0];
      long[] warmRunning = new long[0];
      if (warmup > 0) {
        await("every warm-up run's task running")
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> lateness.runningMillis().length >= warmup);
        warmLaunched = lateness.launchedMillis();
        warmRunning = lateness.runningMillis();
      }
      await("every due run's task running")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  jdbc.queryForObject(
                      "SELECT count(*) FROM tasks t JOIN runs r ON r.id = t.run_id "
                          + "WHERE r.job_id LIKE 'due-%' AND t.started_at IS NOT NULL",
                      Integer.class),
              running -> running != null && running >= dueCount);
      List<long[]> rows =
          jdbc.query(
              "SELECT extract(epoch FROM (r.created_at - r.due_at)) * 1000, "
                  + "extract(epoch FROM (t.launched_at - r.due_at)) * 1000, "
                  + "extract(epoch FROM (t.started_at - r.due_at)) * 1000 "
                  + "FROM runs r JOIN tasks t ON t.run_id = r.id WHERE r.job_id LIKE 'due-%'",
              (rs, n) ->
                  new long[] {
                    (long) rs.getDouble(1),
                    (long) rs.getDouble(2),
                    rs.getObject(3) == null ? Long.MIN_VALUE : (long) rs.getDouble(3)
                  });
      System.out.printf("fires launched: %d of %d%n", rows.size(), dueCount);
      report("due -> run claimed", rows, 0); // negative: claimed ahead of time
      report("due -> task recorded", rows, 1);
      report("due -> TASK_RUNNING", rows, 2);
      report("due -> launch call", minus(lateness.launchedMillis(), warmLaunched));
      report("due -> RUNNING stored", minus(lateness.runningMillis(), warmRunning));
    }
  }

  /** The samples of {@code all} (ascending) that are not in {@code earlier}, ascending. */
  private static long[] minus(long[] all, long[] earlier) {
    Map<Long, Integer> left = new HashMap<>();
    for (long e : earlier) {
      left.merge(e, 1, Integer::sum);
    }
    List<Long> out = new ArrayList<>();
    for (long a : all) {
      Integer n = left.get(a);
      if (n != null && n > 0) {
        left.put(a, n - 1);
      } else {
        out.add(a);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static void report(String what, List<long[]> rows, int column) {
    List<Long> values = new ArrayList<>();
    for (long[] r : rows) {
      if (r[column] != Long.MIN_VALUE) {
        values.add(r[column]);
      }
    }
    report(what, values.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  private static void report(String what, long[] ascending) {
    if (ascending.length == 0) {
      System.out.println(what + ": no samples");
      return;
    }
    Map<String, Long> s = FireLateness.summary(ascending);
    System.out.printf(
        "%-22s n=%d p50=%d ms p99=%d ms max=%d ms%n",
        what, s.get("count"), s.get("p50"), s.get("p99"), s.get("max"));
  }
}
