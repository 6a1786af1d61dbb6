package io.dcos.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.dcos.jobs.ChronosApplication;
import io.dcos.jobs.TestCluster;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Jobs read through one API and written back through the other keep every field; volumes and time
 * limits are validated in each API's error shape; a run that cannot launch within its {@code
 * maxLaunchDelay} (no kernel here, so no offers) fails, shows in the history and is posted to a
 * real HTTP endpoint on loopback. Real PostgreSQL and ZooKeeper.
 */
class CrossApiRoundTripTest {
  static final String IP = "127.5.180.1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final BlockingQueue<Hook> HOOKS = new LinkedBlockingQueue<>();
  static TestCluster cluster;
  static HttpServer hook;
  static ConfigurableApplicationContext app;
  static TestCluster.Http http;

  record Hook(String authorization, JsonNode body) {}

  @BeforeAll
  static void start() throws Exception {
    hook = HttpServer.create(new InetSocketAddress(IP, 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          HOOKS.add(
              new Hook(
                  exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(body)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();
    cluster = new TestCluster(IP);
    app =
        SpringApplication.run(
            ChronosApplication.class,
            cluster.chronosArgs(
                "--server.port=0",
                "--chronos.disable-after-failures=2",
                "--chronos.run-limits.check-interval=100ms",
                "--chronos.notification.http-url=http://"
                    + IP
                    + ":"
                    + hook.getAddress().getPort()
                    + "/hook",
                "--chronos.notification.http-credentials=ops:secret",
                "--chronos.notification.cluster-name=test"));
    http = cluster.leading(app);
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

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static HttpResponse<String> send(String method, String path, String body, int expected)
      throws Exception {
    HttpResponse<String> r = http.send(method, path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    return r;
  }

  /** The Metronome view with schedules, without the time-dependent {@code nextRunAt}. */
  static JsonNode metronome(String id) throws Exception {
    JsonNode job = json(send("GET", "/v1/jobs/" + id + "?embed=schedules", null, 200));
    job.path("schedules").forEach(s -> ((ObjectNode) s).remove("nextRunAt"));
    return job;
  }

  @Test
  void aMetronomeCronJobReadThroughChronosAndWrittenBackKeepsEveryField() throws Exception {
    send(
        "POST",
        "/v1/jobs",
        "{\"id\":\"reports.weekly\",\"description\":\"weekly report\",\"labels\":{\"team\":\"data\"},"
            + "\"run\":{\"cmd\":\"echo report\",\"cpus\":0.5,\"mem\":64,\"disk\":10,"
            + "\"env\":{\"MODE\":\"full\"},\"artifacts\":[{\"uri\":\"http://"
            + IP
            + "/r.tgz\"}],"
            + "\"docker\":{\"image\":\"dcos-it/busybox:1\",\"privileged\":true},"
            + "\"volumes\":[{\"containerPath\":\"/data\",\"hostPath\":\"/srv/reports\",\"mode\":\"RO\"}],"
            + "\"placement\":{\"constraints\":[{\"attribute\":\"hostname\",\"operator\":\"IS\",\"value\":\"a1\"}]},"
            + "\"maxLaunchDelay\":1800,"
            + "\"restart\":{\"policy\":\"ON_FAILURE\",\"activeDeadlineSeconds\":300}},"
            + "\"schedules\":[{\"id\":\"nightly\",\"cron\":\"0 3 * * 1-5\",\"timezone\":\"Europe/Berlin\","
            + "\"startingDeadlineSeconds\":120,\"concurrencyPolicy\":\"FORBID\"},"
            + "{\"id\":\"monthly\",\"cron\":\"0 0 1 * *\"}]}",
        201);
    JsonNode before = metronome("reports.weekly");

    HttpResponse<String> read = send("GET", "/scheduler/job/reports.weekly", null, 200);
    JsonNode chronos = json(read);
    assertThat(chronos.path("schedule").asText()).isEqualTo("cron:0 3 * * 1-5");
    assertThat(chronos.path("scheduleTimeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(chronos.path("epsilon").asText()).isEqualTo("PT2M");
    assertThat(chronos.path("concurrent").asBoolean()).isFalse();
    assertThat(chronos.path("constraints").get(0).toString())
        .isEqualTo("[\"hostname\",\"EQUALS\",\"a1\"]");
    assertThat(chronos.path("container").path("volumes").get(0).toString())
        .isEqualTo("{\"containerPath\":\"/data\",\"hostPath\":\"/srv/reports\",\"mode\":\"RO\"}");

    // What was read is accepted back unchanged, and nothing is lost.
    send("POST", "/scheduler/iso8601", read.body(), 204);
    assertThat(metronome("reports.weekly")).isEqualTo(before);
    assertThat(json(send("GET", "/scheduler/job/reports.weekly", null, 200))).isEqualTo(chronos);

    // A change through Chronos changes only what it names.
    ObjectNode changed = (ObjectNode) chronos.deepCopy();
    changed.put("schedule", "cron:*/5 * * * *");
    changed.put("mem", 96);
    send("POST", "/v1/scheduler/iso8601", changed.toString(), 204);
    JsonNode after = metronome("reports.weekly");
    assertThat(after.path("run").path("mem").asDouble()).isEqualTo(96);
    assertThat(after.path("labels").path("team").asText()).isEqualTo("data");
    assertThat(after.path("run").path("docker").path("privileged").asBoolean()).isTrue();
    assertThat(after.path("run").path("maxLaunchDelay").asInt()).isEqualTo(1800);
    assertThat(after.path("schedules").findValuesAsText("id"))
        .containsExactly("nightly", "monthly");
    assertThat(after.path("schedules").get(0).path("cron").asText()).isEqualTo("*/5 * * * *");
    assertThat(after.path("schedules").get(0).path("timezone").asText()).isEqualTo("Europe/Berlin");

    ObjectNode invalid = (ObjectNode) chronos.deepCopy();
    invalid.put("schedule", "cron:61 * * * *");
    HttpResponse<String> refused = send("POST", "/scheduler/iso8601", invalid.toString(), 400);
    assertThat(json(refused).path("status").asInt()).isEqualTo(400);
    assertThat(json(refused).path("message").asText())
        .contains(
            "cron '61 * * * *' is invalid: Minute and Second values must be between 0 and 59");
    assertThat(metronome("reports.weekly")).isEqualTo(after);
  }

  @Test
  void aChronosJobReadThroughMetronomeAndWrittenBackKeepsEveryField() throws Exception {
    send(
        "POST",
        "/scheduler/iso8601",
        "{\"name\":\"ingest\",\"command\":\"python3\",\"shell\":false,"
            + "\"arguments\":[\"-c\",\"print(1)\"],\"schedule\":\"R/2030-01-01T00:00:00+02:00/PT6H\","
            + "\"epsilon\":\"PT10M\",\"retries\":3,\"owner\":\"ops@example.com\",\"ownerName\":\"Ops\","
            + "\"softError\":true,\"maxCompletionTime\":60000,\"mem\":64,"
            + "\"constraints\":[[\"hostname\",\"EQUALS\",\"a1\"]],"
            + "\"container\":{\"type\":\"DOCKER\",\"image\":\"dcos-it/busybox:1\","
            + "\"volumes\":[{\"containerPath\":\"/in\",\"hostPath\":\"incoming\"}]}}",
        204);
    JsonNode before = json(send("GET", "/scheduler/job/ingest", null, 200));
    assertThat(before.path("maxCompletionTime").asLong()).isEqualTo(60000);
    assertThat(before.path("ownerName").asText()).isEqualTo("Ops");
    assertThat(before.path("container").path("volumes").get(0).path("mode").asText())
        .isEqualTo("RW");

    JsonNode metronome = metronome("ingest");
    JsonNode schedule = metronome.path("schedules").get(0);
    assertThat(schedule.path("iso8601").asText()).isEqualTo("R/2030-01-01T00:00:00+02:00/PT6H");
    assertThat(schedule.has("cron")).isFalse();
    assertThat(schedule.has("timezone")).isFalse();
    assertThat(metronome.path("run").path("args").toString())
        .isEqualTo("[\"python3\",\"-c\",\"print(1)\"]");
    assertThat(
            metronome
                .path("run")
                .path("placement")
                .path("constraints")
                .get(0)
                .path("operator")
                .asText())
        .isEqualTo("IS");

    // Written back through Metronome as read: the Chronos view is unchanged.
    send("PUT", "/v1/jobs/ingest", metronome.toString(), 200);
    assertThat(json(send("GET", "/scheduler/job/ingest", null, 200))).isEqualTo(before);
    assertThat(metronome("ingest")).isEqualTo(metronome);

    // Runnable through Metronome, seen as running through Chronos.
    String runId = json(send("POST", "/v1/jobs/ingest/runs", null, 201)).path("id").asText();
    assertThat(send("GET", "/scheduler/jobs/summary", null, 200).body())
        .contains("\"name\":\"ingest\"");
    send("DELETE", "/scheduler/task/kill/ingest", null, 204);
    JsonNode stopped = json(send("GET", "/v1/jobs/ingest/runs/" + runId, null, 200));
    assertThat(stopped.path("status").asText()).isEqualTo("FAILED");
    assertThat(stopped.has("failureReason")).as("stopped by a user, not by a limit").isFalse();
  }

  @Test
  void volumesAndLimitsAreValidatedInEachApisErrorShape() throws Exception {
    HttpResponse<String> m =
        send(
            "POST",
            "/v1/jobs",
            "{\"id\":\"badvol\",\"run\":{\"cmd\":\"true\",\"maxLaunchDelay\":0,"
                + "\"volumes\":[{\"hostPath\":\"/srv\",\"mode\":\"RX\"}]}}",
            422);
    assertThat(json(m).path("message").asText()).isEqualTo("Object is not valid");
    assertThat(json(m).path("details").findValuesAsText("path"))
        .containsExactlyInAnyOrder(
            "/run/maxLaunchDelay",
            "/run/volumes",
            "/run/volumes/0/containerPath",
            "/run/volumes/0/mode");
    assertThat(m.body()).contains("is less than 1").contains("must be one of RO, RW");
    send("GET", "/v1/jobs/badvol", null, 404);

    HttpResponse<String> c =
        send(
            "POST",
            "/scheduler/iso8601",
            "{\"name\":\"badvol\",\"command\":\"true\",\"schedule\":\"R/2030-01-01T00:00:00Z/PT1H\","
                + "\"maxCompletionTime\":-5,\"container\":{\"type\":\"DOCKER\",\"image\":\"x\","
                + "\"volumes\":[{\"containerPath\":\"/data\",\"mode\":\"RX\"}]}}",
            400);
    assertThat(json(c).path("status").asInt()).isEqualTo(400);
    assertThat(json(c).path("message").asText())
        .contains("maxCompletionTime must not be negative")
        .contains("container.volumes[0].hostPath must not be empty")
        .contains("container.volumes[0].mode must be RO or RW");
    send("GET", "/scheduler/job/badvol", null, 404);
  }

  @Test
  void aRunThatCannotLaunchWithinItsLaunchDelayFailsAndIsPostedToTheWebhook() throws Exception {
    send(
        "POST",
        "/v1/jobs",
        "{\"id\":\"stuck\",\"run\":{\"cmd\":\"true\",\"maxLaunchDelay\":1}}",
        201);
    send(
        "POST",
        "/scheduler/iso8601",
        ((ObjectNode) json(send("GET", "/scheduler/job/stuck", null, 200)))
            .put("owner", "ops@example.com")
            .put("schedule", "R/2030-01-01T00:00:00Z/P1D")
            .toString(),
        204);
    String first = json(send("POST", "/v1/jobs/stuck/runs", null, 201)).path("id").asText();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> json(http.get("/v1/jobs/stuck/runs/" + first)).path("status").asText(),
            "FAILED"::equals);
    JsonNode history = json(send("GET", "/v1/jobs/stuck?embed=history", null, 200)).path("history");
    assertThat(history.path("failureCount").asLong()).isEqualTo(1);
    assertThat(history.path("failedFinishedRuns").findValuesAsText("id")).containsExactly(first);
    assertThat(history.path("failedFinishedRuns").get(0).path("failureReason").asText())
        .isEqualTo("not running within maxLaunchDelay of 1 s");
    JsonNode failedRun = json(send("GET", "/v1/jobs/stuck/runs/" + first, null, 200));
    assertThat(failedRun.path("tasks").size()).isZero();
    assertThat(failedRun.path("failureReason").asText())
        .isEqualTo("not running within maxLaunchDelay of 1 s");

    Hook failed = nextHookFor("stuck");
    assertThat(failed).isNotNull();
    assertThat(failed.authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("ops:secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(failed.body().path("subject").asText())
        .isEqualTo("[test] [Chronos] job 'stuck' failed!");
    assertThat(failed.body().path("to").asText()).isEqualTo("ops@example.com");
    assertThat(failed.body().path("job").asText()).isEqualTo("stuck");
    assertThat(failed.body().path("runId").asText()).isEqualTo(first);
    assertThat(failed.body().path("errorCount").asText()).isEqualTo("1");
    assertThat(failed.body().path("message").asText())
        .contains("not running within maxLaunchDelay of 1 s");

    // The second failure in a row disables the job (chronos.disable-after-failures=2).
    String second = json(send("POST", "/v1/jobs/stuck/runs", null, 201)).path("id").asText();
    Hook disabled = nextHookFor("stuck");
    assertThat(disabled).isNotNull();
    assertThat(disabled.body().path("subject").asText())
        .isEqualTo("[test] [Chronos] job 'stuck' disabled");
    assertThat(disabled.body().path("runId").asText()).isEqualTo(second);
    assertThat(disabled.body().path("disabled").asText()).isEqualTo("true");
    JsonNode chronos = json(send("GET", "/scheduler/job/stuck", null, 200));
    assertThat(chronos.path("disabled").asBoolean()).isTrue();
    assertThat(chronos.path("errorCount").asLong()).isEqualTo(2);
    assertThat(chronos.path("errorsSinceLastSuccess").asLong()).isEqualTo(2);
    assertThat(HOOKS.stream().filter(h -> h.body().path("job").asText().equals("stuck"))).isEmpty();
  }

  /** The next notification about {@code job}; others (from other tests' runs) are skipped. */
  static Hook nextHookFor(String job) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      Hook h = HOOKS.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (h != null && h.body().path("job").asText().equals(job)) {
        return h;
      }
    }
    return null;
  }
}
