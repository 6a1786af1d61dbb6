package io.dcos.marathon.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Deploys one app with many instances through {@code POST /v2/apps} to simulated agents on a real
 * master and times, from the POST's answer, until {@code GET /v2/apps/<id>} reports every instance
 * running (polled every 10 ms), and until the last TASK_RUNNING arrives on {@code /v2/events}. Each
 * run deploys a fresh app and deletes it afterwards. Settings are system properties: {@code
 * bench.agents} (100), {@code bench.instances} (1000), {@code bench.runs} (5), {@code bench.warmup}
 * (1 unreported run first), {@code bench.synchronous_commit} (PostgreSQL's setting, on), {@code
 * bench.jstack} (a directory: thread dumps of marathon-svc every 200 ms of the measured runs).
 */
public final class DeployBenchmark {
  private static final Duration DEPLOY_LIMIT = Duration.ofMinutes(5);

  private DeployBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agentCount = Integer.getInteger("bench.agents", 100);
    int instances = Integer.getInteger("bench.instances", 1000);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmup = Integer.getInteger("bench.warmup", 1);
    String synchronousCommit = System.getProperty("bench.synchronous_commit", "on");
    String jstack = System.getProperty("bench.jstack", "");
    System.out.printf(
        Locale.ROOT,
        "deploy: %d simulated agents (cpus 8, mem 16384), one app of %d instances (cpus 0.1, mem"
            + " 32, one host port), %d warm-up + %d measured runs, PostgreSQL"
            + " synchronous_commit=%s%n",
        agentCount,
        instances,
        warmup,
        runs,
        synchronousCommit);
    int code = 1;
    try (DeployCluster cluster = new DeployCluster(synchronousCommit)) {
      cluster.startMaster();
      cluster.startAgents(agentCount, "cpus:8;mem:16384;disk:20000;ports:[31000-32000]");
      String base = cluster.startMarathon(List.of());
      Http http = new Http(base);
      await("marathon-svc leads and is subscribed to the master", Duration.ofMinutes(2))
          .ignoreExceptions()
          .until(() -> !http.get("/v2/info").json().path("frameworkId").isNull());
      try (RunningWatch watch = new RunningWatch(base)) {
        await("the events stream is attached", Duration.ofSeconds(30)).until(watch::attached);
        List<Double> viaApi = new ArrayList<>();
        List<Double> viaEvents = new ArrayList<>();
        for (int run = 1; run <= warmup + runs; run++) {
          boolean measured = run > warmup;
          ThreadDumps dumps =
              measured && !jstack.isEmpty()
                  ? ThreadDumps.start(cluster.marathon().pid(), Path.of(jstack), run)
                  : null;
          Result r = deploy(http, watch, "/bench/deploy-" + run, instances);
          if (dumps != null) {
            dumps.stop();
          }
          System.out.printf(
              Locale.ROOT,
              "%s %d: POST answered in %d ms; all %d running after %.3f s (GET /v2/apps/<id>) ="
                  + " %.0f instances/s, last TASK_RUNNING event after %.3f s = %.0f instances/s;"
                  + " deleted in %.1f s%n",
              measured ? "run" : "warm-up",
              run,
              r.postMillis(),
              instances,
              r.apiSeconds(),
              instances / r.apiSeconds(),
              r.eventsSeconds(),
              instances / r.eventsSeconds(),
              r.deleteSeconds());
          if (measured) {
            viaApi.add(instances / r.apiSeconds());
            viaEvents.add(instances / r.eventsSeconds());
          }
        }
        summary("GET /v2/apps/<id> shows all running", viaApi);
        summary("last TASK_RUNNING on /v2/events", viaEvents);
      }
      code = 0;
    } finally {
      System.exit(code);
    }
  }

  /** Timings of one run; seconds are from the POST's answer. */
  record Result(long postMillis, double apiSeconds, double eventsSeconds, double deleteSeconds) {}

  private static Result deploy(Http http, RunningWatch watch, String id, int instances) {
    watch.expect(id, instances);
    String body =
        """
        {"id": "%s", "cmd": "sleep 3600", "cpus": 0.1, "mem": 32, "instances": %d}
        """
            .formatted(id, instances);
    long start = System.nanoTime();
    Http.Answer created = http.post("/v2/apps", body);
    long answered = System.nanoTime();
    if (created.status() != 201) {
      throw new IllegalStateException("POST /v2/apps: " + created.status() + " " + created.body());
    }
    await(instances + " instances of " + id + " running", DEPLOY_LIMIT)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> tasksRunning(http, id) == instances);
    long allRunning = System.nanoTime();
    await("the last TASK_RUNNING event of " + id, Duration.ofSeconds(30))
        .until(() -> watch.targetReachedAt(id) != 0);
    long lastEvent = watch.targetReachedAt(id);

    long deleteStart = System.nanoTime();
    Http.Answer deleted = http.delete("/v2/apps" + id);
    if (deleted.status() != 200) {
      throw new IllegalStateException("DELETE: " + deleted.status() + " " + deleted.body());
    }
    await(id + " deleted and its tasks killed", DEPLOY_LIMIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                http.get("/v2/apps" + id).status() == 404
                    && http.get("/v2/deployments").json().isEmpty());
    return new Result(
        TimeUnit.NANOSECONDS.toMillis(answered - start),
        (allRunning - answered) / 1e9,
        (lastEvent - answered) / 1e9,
        (System.nanoTime() - deleteStart) / 1e9);
  }

  private static int tasksRunning(Http http, String id) {
    JsonNode app = http.get("/v2/apps" + id).json();
    return app == null ? -1 : app.path("app").path("tasksRunning").asInt(-1);
  }

  private static void summary(String what, List<Double> rates) {
    List<Double> sorted = new ArrayList<>(rates);
    Collections.sort(sorted);
    int n = sorted.size();
    double p50 = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.0f instances/s, min %.0f, max %.0f over %d runs%n",
        what,
        p50,
        sorted.get(0),
        sorted.get(n - 1),
        n);
  }

  private static ConditionFactory await(String what, Duration atMost) {
    return Awaitility.await(what)
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20));
  }

  /** Thread dumps of a process every 200 ms, into {@code <dir>/marathon-run<run>-<n>.txt}. */
  private static final class ThreadDumps {
    private final java.util.concurrent.ScheduledExecutorService sampler;

    private ThreadDumps(java.util.concurrent.ScheduledExecutorService sampler) {
      this.sampler = sampler;
    }

    static ThreadDumps start(long pid, Path dir, int run) throws Exception {
      Files.createDirectories(dir);
      String tool = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
      java.util.concurrent.ScheduledExecutorService sampler =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "thread-dumps");
                t.setDaemon(true);
                return t;
              });
      java.util.concurrent.atomic.AtomicInteger taken =
          new java.util.concurrent.atomic.AtomicInteger();
      sampler.scheduleWithFixedDelay(
          () -> {
            int n = taken.incrementAndGet();
            if (n > 50) {
              sampler.shutdown();
              return;
            }
            try {
              new ProcessBuilder(tool, Long.toString(pid))
                  .redirectErrorStream(true)
                  .redirectOutput(dir.resolve("marathon-run" + run + "-" + n + ".txt").toFile())
                  .start()
                  .waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (Exception e) {
              System.out.println("jstack failed: " + e.getMessage());
              sampler.shutdown();
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
      return new ThreadDumps(sampler);
    }

    void stop() {
      sampler.shutdownNow();
    }
  }
}
