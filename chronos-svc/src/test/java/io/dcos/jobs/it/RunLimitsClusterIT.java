package io.dcos.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dcos.jobs.ChronosApplication;
import io.dcos.jobs.TestCluster;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.RunRepository;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run limits, failure notifications and Docker volumes on a real kernel (master and agent JVMs,
 * PostgreSQL, ZooKeeper, the local Docker engine): a run past its {@code maxCompletionTime} is
 * killed on the agent, recorded as failed without retries and posted to a webhook; a Docker job
 * reads and writes the host paths its volumes name, and a read-only volume refuses writes (disabled
 * until the agent can launch Docker tasks with Chronos task ids).
 */
class RunLimitsClusterIT {
  static final String IP = "127.5.181.1";
  static final String IMAGE = "dcos-it/busybox:1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(60);
  static final BlockingQueue<JsonNode> HOOKS = new LinkedBlockingQueue<>();
  static KernelCluster cluster;
  static HttpServer hook;
  static ConfigurableApplicationContext app;
  static TestCluster.Http http;
  static RunRepository runs;

  @BeforeAll
  static void start() throws Exception {
    hook = HttpServer.create(new InetSocketAddress(IP, 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          HOOKS.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    hook.start();
    cluster = new KernelCluster("chronos-limits", IP, "127.5.182.1", "127.5.183.1");
    app =
        SpringApplication.run(
            ChronosApplication.class,
            cluster.base.chronosArgs(
                "--server.port=0",
                "--chronos.retry-delay=200ms",
                "--chronos.decline-refuse=1s",
                "--chronos.run-limits.check-interval=200ms",
                "--chronos.notification.http-url=http://"
                    + IP
                    + ":"
                    + hook.getAddress().getPort()
                    + "/hook"));
    http = cluster.base.leading(app);
    runs = app.getBean(RunRepository.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (hook != null) {
      hook.stop(0);
    }
  }

  static JsonNode json(String path) throws Exception {
    return JSON.readTree(http.get(path).body());
  }

  static void send(String method, String path, String body, int expected) throws Exception {
    var r = http.send(method, path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }

  static List<JobRun> finished(String job) {
    return runs.all(job).stream().filter(r -> r.status().isFinal()).toList();
  }

  @Test
  void aRunPastItsMaxCompletionTimeIsKilledRecordedAsFailedAndNotified() throws Exception {
    send(
        "POST",
        "/scheduler/iso8601",
        "{\"name\":\"slow\",\"command\":\"sleep 120\",\"retries\":2,\"maxCompletionTime\":2000,"
            + "\"owner\":\"ops@example.com\",\"cpus\":0.1,\"mem\":32,"
            + "\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\"}",
        204);
    send("PUT", "/scheduler/job/slow", null, 204);
    await().atMost(WAIT).until(() -> finished("slow").size() == 1);
    JobRun run = finished("slow").get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    // Killed once, not retried: the limit is the run's, and a stopped run is not relaunched.
    assertThat(run.tasks()).hasSize(1);
    TaskRecord task = run.tasks().get(0);
    assertThat(task.state()).isEqualTo("TASK_KILLED");
    assertThat(task.startedAt()).isNotNull();
    Duration ran = Duration.between(task.launchedAt(), task.completedAt());
    assertThat(ran).isBetween(Duration.ofMillis(2000), Duration.ofSeconds(30));

    JsonNode chronos = json("/scheduler/job/slow");
    assertThat(chronos.path("errorCount").asLong()).isEqualTo(1);
    assertThat(chronos.path("maxCompletionTime").asLong()).isEqualTo(2000);
    assertThat(
            json("/scheduler/job/stat/slow").path("taskStatHistory").get(0).path("status").asText())
        .isEqualTo("TASK_KILLED");
    JsonNode failed =
        json("/v1/jobs/slow?embed=history").path("history").path("failedFinishedRuns");
    assertThat(failed.findValuesAsText("id")).containsExactly(run.id());
    assertThat(failed.get(0).path("failureReason").asText())
        .isEqualTo("still running after maxCompletionTime of 2000 ms");

    JsonNode notice = HOOKS.poll(30, TimeUnit.SECONDS);
    assertThat(notice).isNotNull();
    assertThat(notice.path("job").asText()).isEqualTo("slow");
    assertThat(notice.path("to").asText()).isEqualTo("ops@example.com");
    assertThat(notice.path("runId").asText()).isEqualTo(run.id());
    assertThat(notice.path("taskId").asText()).isEqualTo(task.id());
    assertThat(notice.path("taskState").asText()).isEqualTo("TASK_KILLED");
  }

  @Test
  void aDockerJobReadsAndWritesTheHostPathsOfItsVolumes() throws Exception {
    Assumptions.assumeTrue(dockerAvailable(), "needs a Docker engine");
    String image = busyboxImage();
    Path host = Files.createTempDirectory("chronos-volumes-");
    Path rw = Files.createDirectory(host.resolve("rw"));
    Path ro = Files.createDirectory(host.resolve("ro"));
    Files.writeString(ro.resolve("in.txt"), "input from the host\n");
    String volumes =
        "[{\"containerPath\":\"/data\",\"hostPath\":\""
            + rw
            + "\",\"mode\":\"RW\"},{\"containerPath\":\"/in\",\"hostPath\":\""
            + ro
            + "\",\"mode\":\"RO\"}]";
    send(
        "POST",
        "/v1/jobs",
        "{\"id\":\"volumes.copy\",\"run\":{\"cmd\":\"cp /in/in.txt /data/copy.txt && echo done > /data/out.txt\","
            + "\"cpus\":0.1,\"mem\":32,\"docker\":{\"image\":\""
            + image
            + "\"},\"volumes\":"
            + volumes
            + "}}",
        201);
    send(
        "POST",
        "/scheduler/iso8601",
        "{\"name\":\"volumes-readonly\",\"command\":\"echo nope > /in/in.txt\",\"retries\":0,"
            + "\"cpus\":0.1,\"mem\":32,\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\","
            + "\"container\":{\"type\":\"DOCKER\",\"image\":\""
            + image
            + "\",\"volumes\":"
            + volumes
            + "}}",
        204);
    send("POST", "/v1/jobs/volumes.copy/runs", null, 201);
    send("PUT", "/scheduler/job/volumes-readonly", null, 204);
    await()
        .atMost(WAIT)
        .until(
            () -> finished("volumes.copy").size() == 1 && finished("volumes-readonly").size() == 1);
    assertThat(finished("volumes.copy").get(0).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Files.readString(rw.resolve("out.txt"))).isEqualTo("done\n");
    assertThat(Files.readString(rw.resolve("copy.txt"))).isEqualTo("input from the host\n");
    assertThat(finished("volumes-readonly").get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(Files.readString(ro.resolve("in.txt"))).isEqualTo("input from the host\n");
  }

  static boolean dockerAvailable() {
    try {
      return run(List.of("docker", "info")) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The local busybox image, built from the host's static busybox when missing (no registry). */
  static String busyboxImage() throws IOException {
    if (run(List.of("docker", "image", "inspect", IMAGE)) == 0) {
      return IMAGE;
    }
    Path busybox =
        Files.exists(Path.of("/bin/busybox"))
            ? Path.of("/bin/busybox")
            : Path.of("/usr/bin/busybox");
    Assumptions.assumeTrue(Files.exists(busybox), "needs busybox-static to build " + IMAGE);
    Path dir = Files.createTempDirectory("busybox-image-");
    Files.copy(busybox, dir.resolve("busybox"));
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\n"
            + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\nCMD [\"/bin/sh\"]\n");
    int code =
        run(List.of("docker", "build", "-q", "--network", "none", "-t", IMAGE, dir.toString()));
    assertThat(code).as("docker build of " + IMAGE).isZero();
    return IMAGE;
  }

  private static int run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
