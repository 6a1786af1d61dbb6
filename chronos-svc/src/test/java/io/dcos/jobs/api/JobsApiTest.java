package io.dcos.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.jobs.ChronosApplication;
import io.dcos.jobs.TestCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both APIs against one chronos-svc on a real PostgreSQL and ZooKeeper (no kernel: runs stay
 * waiting for offers). Bad input gets each API's error shape and changes nothing; a job created
 * through one API is visible and runnable through the other.
 */
class JobsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestCluster cluster;
  static ConfigurableApplicationContext app;
  static TestCluster.Http http;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    app = SpringApplication.run(ChronosApplication.class, cluster.chronosArgs("--server.port=0"));
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
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void metronomeRejectsInvalidJobsWithPathsAndStoresNothing() throws Exception {
    HttpResponse<String> r =
        http.send(
            "POST",
            "/v1/jobs",
            "{\"id\":\"Bad_Id\",\"run\":{\"cmd\":\"true\",\"cpus\":0.001,\"mem\":16},"
                + "\"schedules\":[{\"cron\":\"61 * * * *\"}]}");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = json(r);
    assertThat(body.path("message").asText()).isEqualTo("Object is not valid");
    assertThat(body.path("details").findValuesAsText("path"))
        .contains("/id", "/run/cpus", "/run/mem", "/schedules/0/cron");
    assertThat(r.body())
        .contains("is less than 32")
        .contains(
            "cron '61 * * * *' is invalid: Minute and Second values must be between 0 and 59");
    assertThat(http.get("/v1/jobs").body()).doesNotContain("Bad_Id");

    HttpResponse<String> typeError =
        http.send("POST", "/v1/jobs", "{\"id\":\"t\",\"run\":{\"cmd\":\"true\",\"mem\":\"lots\"}}");
    assertThat(typeError.statusCode()).isEqualTo(422);
    assertThat(json(typeError).path("details").get(0).path("path").asText()).isEqualTo("/run/mem");
    assertThat(http.send("POST", "/v1/jobs", "{not json").statusCode()).isEqualTo(400);

    HttpResponse<String> missing = http.get("/v1/jobs/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("message").asText()).isEqualTo("Job 'nope' does not exist");
  }

  @Test
  void chronosExplainsBadSchedulesAndCycles() throws Exception {
    HttpResponse<String> r =
        http.send(
            "POST",
            "/scheduler/iso8601",
            "{\"name\":\"bad-schedule\",\"command\":\"true\",\"schedule\":\"R/tomorrow/PT1H\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("status").asInt()).isEqualTo(400);
    assertThat(json(r).path("message").asText()).contains("is not an ISO 8601 date-time");
    assertThat(http.get("/scheduler/job/bad-schedule").statusCode()).isEqualTo(404);

    assertThat(
            http.send(
                    "POST",
                    "/scheduler/iso8601",
                    "{\"name\":\"cyc-a\",\"command\":\"true\",\"schedule\":\"R/2030-01-01T00:00:00Z/PT1H\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            http.send(
                    "POST",
                    "/v1/scheduler/dependency",
                    "{\"name\":\"cyc-b\",\"command\":\"true\",\"parents\":[\"cyc-a\"]}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> cycle =
        http.send(
            "POST",
            "/scheduler/dependency",
            "{\"name\":\"cyc-a\",\"command\":\"true\",\"parents\":[\"cyc-b\"]}");
    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(json(cycle).path("message").asText())
        .isEqualTo("dependency cycle: cyc-a -> cyc-b -> cyc-a");
    // The refused change left cyc-a scheduled.
    assertThat(json(http.get("/scheduler/job/cyc-a")).path("schedule").asText())
        .isEqualTo("R/2030-01-01T00:00:00Z/PT1H");
    assertThat(http.get("/scheduler/graph/dot").body()).contains("\"cyc-a\" -> \"cyc-b\";");
    assertThat(http.get("/scheduler/graph/csv").body()).contains("link,cyc-a,cyc-b");
  }

  @Test
  void aChronosJobIsVisibleAndRunnableThroughMetronome() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/scheduler/iso8601",
            "{\"name\":\"nightly-report\",\"command\":\"echo report\",\"epsilon\":\"PT30M\","
                + "\"schedule\":\"R/2030-01-01T02:00:00Z/P1D\",\"mem\":64,\"cpus\":0.25,"
                + "\"environmentVariables\":[{\"name\":\"MODE\",\"value\":\"full\"}]}");
    assertThat(created.statusCode()).isEqualTo(204);
    // The schedule's timer is in Quartz's job store, due at the first repetition.
    Long due =
        app.getBean(JdbcTemplate.class)
            .queryForObject(
                "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = ?",
                Long.class,
                "nightly-report/default");
    assertThat(Instant.ofEpochMilli(due)).isEqualTo(Instant.parse("2030-01-01T02:00:00Z"));

    JsonNode job = json(http.get("/v1/jobs/nightly-report?embed=schedules&embed=historySummary"));
    assertThat(job.path("run").path("cmd").asText()).isEqualTo("echo report");
    assertThat(job.path("run").path("mem").asDouble()).isEqualTo(64);
    assertThat(job.path("run").path("env").path("MODE").asText()).isEqualTo("full");
    assertThat(job.path("schedules").get(0).path("nextRunAt").asText())
        .isEqualTo("2030-01-01T02:00:00Z");
    assertThat(job.path("schedules").get(0).path("startingDeadlineSeconds").asLong())
        .isEqualTo(1800);
    assertThat(job.path("historySummary").path("successCount").asLong()).isZero();

    HttpResponse<String> run = http.send("POST", "/v1/jobs/nightly-report/runs", null);
    assertThat(run.statusCode()).isEqualTo(201);
    String runId = json(run).path("id").asText();
    assertThat(json(run).path("status").asText()).isEqualTo("INITIAL");
    assertThat(json(http.get("/v1/jobs/nightly-report/runs")).findValuesAsText("id"))
        .containsExactly(runId);
    assertThat(http.get("/v1/queue").body()).contains(runId);
    assertThat(http.get("/scheduler/jobs/summary").body())
        .contains("\"name\":\"nightly-report\"")
        .contains("\"state\":\"running\"");

    assertThat(
            http.send("POST", "/v1/jobs/nightly-report/runs/" + runId + "/actions/stop", null)
                .statusCode())
        .isEqualTo(200);
    assertThat(json(http.get("/v1/jobs/nightly-report/runs/" + runId)).path("status").asText())
        .isEqualTo("FAILED");
    JsonNode history = json(http.get("/v1/jobs/nightly-report?embed=history")).path("history");
    assertThat(history.path("failureCount").asLong()).isEqualTo(1);
    assertThat(history.path("failedFinishedRuns").findValuesAsText("id")).containsExactly(runId);
  }

  @Test
  void aMetronomeJobIsVisibleAndRunnableThroughChronos() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/v1/jobs",
            "{\"id\":\"backup.db\",\"description\":\"dump\",\"run\":{\"cmd\":\"pg_dump\","
                + "\"cpus\":0.5,\"mem\":64,\"restart\":{\"policy\":\"ON_FAILURE\",\"activeDeadlineSeconds\":120}},"
                + "\"schedules\":[{\"id\":\"nightly\",\"cron\":\"0 3 * * *\",\"timezone\":\"Europe/Berlin\"}]}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(
            http.send("POST", "/v1/jobs", "{\"id\":\"backup.db\",\"run\":{\"cmd\":\"x\"}}")
                .statusCode())
        .isEqualTo(409);

    JsonNode chronos = json(http.get("/scheduler/job/backup.db"));
    assertThat(chronos.path("command").asText()).isEqualTo("pg_dump");
    assertThat(chronos.path("mem").asDouble()).isEqualTo(64);
    assertThat(chronos.path("schedule").asText()).isEqualTo("cron:0 3 * * *");
    assertThat(chronos.path("scheduleTimeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(chronos.path("disabled").asBoolean()).isFalse();
    assertThat(json(http.get("/scheduler/jobs/search?name=backup")).findValuesAsText("name"))
        .containsExactly("backup.db");

    assertThat(http.send("PUT", "/scheduler/job/backup.db", null).statusCode()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> json(http.get("/v1/jobs/backup.db/runs")).size() == 1);
    HttpResponse<String> refused = http.send("DELETE", "/v1/jobs/backup.db", null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(http.send("DELETE", "/v1/jobs/backup.db?stopCurrentJobRuns=true", null).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/scheduler/job/backup.db").statusCode()).isEqualTo(404);
    assertThat(
            app.getBean(JdbcTemplate.class)
                .queryForObject(
                    "SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE 'backup.db/%'",
                    Integer.class))
        .isZero();
  }

  @Test
  void schedulesCanBeAddedReplacedAndRemoved() throws Exception {
    http.send("POST", "/v1/jobs", "{\"id\":\"multi\",\"run\":{\"cmd\":\"true\"}}");
    assertThat(
            http.send(
                    "POST",
                    "/v1/jobs/multi/schedules",
                    "{\"id\":\"hourly\",\"cron\":\"0 * * * *\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            http.send(
                    "POST",
                    "/v1/jobs/multi/schedules",
                    "{\"id\":\"weekdays\",\"cron\":\"30 8 * * 1-5\",\"concurrencyPolicy\":\"FORBID\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(json(http.get("/v1/jobs/multi/schedules")).findValuesAsText("id"))
        .containsExactly("hourly", "weekdays");
    HttpResponse<String> bad =
        http.send("PUT", "/v1/jobs/multi/schedules/hourly", "{\"cron\":\"0 0 1 * 1\"}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("both day-of-month and day-of-week");
    assertThat(http.send("DELETE", "/v1/jobs/multi/schedules/hourly", null).statusCode())
        .isEqualTo(200);
    assertThat(json(http.get("/v1/jobs/multi/schedules")).findValuesAsText("id"))
        .containsExactly("weekdays");
    assertThat(http.get("/v1/jobs/multi/schedules/hourly").statusCode()).isEqualTo(404);
    assertThat(http.get("/ping").body()).isEqualTo("pong");
    assertThat(json(http.get("/leader")).path("leader").asText()).startsWith(TestCluster.IP + ":");
  }
}
