package io.dcos.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.jobs.ChronosApplication;
import io.dcos.jobs.TestCluster;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.RunRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * chronos-svc on a real kernel: a master and an agent as their own JVMs, PostgreSQL and ZooKeeper.
 * Jobs run as real processes on the agent and their history is read back through the APIs and the
 * run store.
 */
class ChronosClusterIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(60);
  static KernelCluster cluster;
  static ConfigurableApplicationContext app;
  static TestCluster.Http http;
  static RunRepository runs;

  @BeforeAll
  static void start() throws Exception {
    cluster = new KernelCluster("chronos-it");
    app =
        SpringApplication.run(
            ChronosApplication.class,
            cluster.base.chronosArgs(
                "--server.port=0", "--chronos.retry-delay=200ms", "--chronos.decline-refuse=1s"));
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
  }

  static JsonNode json(String path) throws Exception {
    return JSON.readTree(http.get(path).body());
  }

  static void post(String path, String body, int expected) throws Exception {
    var r = http.send("POST", path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }

  static List<JobRun> finished(String job) {
    return runs.all(job).stream().filter(r -> r.status().isFinal()).toList();
  }

  @Test
  void aJobEverySecondRunsOnTheAgentAndItsHistoryShowsEachRun() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    post(
        "/scheduler/iso8601",
        "{\"name\":\"tick\",\"command\":\"echo tick\",\"concurrent\":true,\"epsilon\":\"PT30S\","
            + "\"cpus\":0.1,\"mem\":32,\"schedule\":\"R/"
            + start
            + "/PT1S\"}",
        204);
    await()
        .atMost(WAIT)
        .until(
            () ->
                finished("tick").stream().filter(r -> r.status() == RunStatus.SUCCESS).count()
                    >= 5);
    post(
        "/scheduler/iso8601",
        "{\"name\":\"tick\",\"command\":\"echo tick\",\"disabled\":true,"
            + "\"schedule\":\"R/"
            + start
            + "/PT1S\"}",
        204);
    List<JobRun> all = runs.all("tick");
    // Consecutive seconds from the start, each claimed once, each with one task on the agent.
    List<Instant> dues = all.stream().map(JobRun::dueAt).toList();
    assertThat(dues).doesNotHaveDuplicates();
    for (int i = 0; i < 5; i++) {
      assertThat(dues.get(i)).isEqualTo(start.plusSeconds(i));
    }
    for (JobRun r : all.subList(0, 5)) {
      await()
          .atMost(WAIT)
          .until(() -> runs.find(r.id()).orElseThrow().status() == RunStatus.SUCCESS);
      JobRun done = runs.find(r.id()).orElseThrow();
      assertThat(done.tasks()).hasSize(1);
      TaskRecord t = done.tasks().get(0);
      assertThat(t.state()).isEqualTo("TASK_FINISHED");
      assertThat(t.hostname()).isEqualTo(KernelCluster.AGENT_IP);
      // Claimed ahead of time, but launched no earlier than due.
      assertThat(t.launchedAt()).isAfterOrEqualTo(r.dueAt());
      assertThat(t.startedAt()).isNotNull();
      assertThat(t.completedAt()).isAfterOrEqualTo(t.startedAt());
    }
    JsonNode chronos = json("/scheduler/job/tick");
    assertThat(chronos.path("successCount").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(chronos.path("errorCount").asLong()).isZero();
    JsonNode stat = json("/scheduler/job/stat/tick");
    assertThat(stat.path("histogram").path("count").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(stat.path("taskStatHistory").get(0).path("status").asText())
        .isEqualTo("TASK_FINISHED");
    JsonNode history = json("/v1/jobs/tick?embed=history").path("history");
    assertThat(history.path("successfulFinishedRuns").size()).isGreaterThanOrEqualTo(5);
    JsonNode lateness = json("/metrics").path("fireLateness");
    assertThat(lateness.path("launchMillis").path("count").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(lateness.path("launchMillis").path("p50").asLong()).isNotNegative();
    assertThat(lateness.path("runningMillis").path("count").asLong()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aFailingJobIsRetriedThenRecordedAsFailed() throws Exception {
    post(
        "/scheduler/iso8601",
        "{\"name\":\"broken\",\"command\":\"exit 3\",\"retries\":2,"
            + "\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\"}",
        204);
    assertThat(http.send("PUT", "/scheduler/job/broken", null).statusCode()).isEqualTo(204);
    await().atMost(WAIT).until(() -> finished("broken").size() == 1);
    JobRun run = finished("broken").get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.tasks()).hasSize(3).allMatch(t -> t.state().equals("TASK_FAILED"));
    JsonNode chronos = json("/scheduler/job/broken");
    assertThat(chronos.path("errorCount").asLong()).isEqualTo(1);
    assertThat(chronos.path("errorsSinceLastSuccess").asLong()).isEqualTo(1);
    assertThat(chronos.path("lastError").asText()).isNotEmpty();
    assertThat(
            json("/v1/jobs/broken?embed=historySummary")
                .path("historySummary")
                .path("failureCount")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void aParentsSuccessFiresItsChild() throws Exception {
    post(
        "/v1/jobs",
        "{\"id\":\"extract\",\"run\":{\"cmd\":\"echo extract\",\"cpus\":0.1,\"mem\":32}}",
        201);
    post(
        "/scheduler/dependency",
        "{\"name\":\"load\",\"command\":\"echo load\",\"parents\":[\"extract\"],\"mem\":32}",
        204);
    assertThat(http.send("POST", "/v1/jobs/extract/runs", null).statusCode()).isEqualTo(201);
    await().atMost(WAIT).until(() -> finished("load").size() == 1);
    JobRun child = finished("load").get(0);
    assertThat(child.trigger()).isEqualTo(RunTrigger.DEPENDENCY);
    assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
    JobRun parent = finished("extract").get(0);
    assertThat(child.createdAt()).isAfterOrEqualTo(parent.finishedAt());
    assertThat(http.get("/scheduler/graph/dot").body()).contains("\"extract\" -> \"load\";");
  }

  @Test
  void forbidSkipsOverlappingRuns() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    post(
        "/scheduler/iso8601",
        "{\"name\":\"slow\",\"command\":\"sleep 3\",\"concurrent\":false,\"epsilon\":\"PT30S\","
            + "\"cpus\":0.1,\"mem\":32,\"schedule\":\"R/"
            + start
            + "/PT1S\"}",
        204);
    await().atMost(WAIT).until(() -> finished("slow").size() >= 2);
    post(
        "/scheduler/iso8601",
        "{\"name\":\"slow\",\"command\":\"sleep 3\",\"disabled\":true,\"schedule\":\"R/"
            + start
            + "/PT1S\"}",
        204);
    Instant disabledAt = Instant.now();
    List<JobRun> all = new ArrayList<>(runs.all("slow"));
    // A run every second was due; FORBID kept at most one active, so far fewer ran and none
    // overlapped.
    long dueSeconds = Duration.between(start, disabledAt).toSeconds();
    assertThat((long) all.size()).isLessThan(dueSeconds);
    for (int i = 1; i < all.size(); i++) {
      JobRun prev = all.get(i - 1);
      if (prev.finishedAt() != null) {
        assertThat(all.get(i).createdAt()).isAfterOrEqualTo(prev.finishedAt());
      }
    }
  }
}
