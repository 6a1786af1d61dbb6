package io.dcos.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.jobs.TestCluster;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.store.RunRepository;
import io.dcos.kernel.bench.KernelProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two chronos-svc processes on a real kernel; the leader is killed with SIGKILL while runs of an
 * every-second job are due and while a long run is active. The other instance takes over: every due
 * second runs exactly once, the active run is reconciled (not relaunched) and completes, and the
 * kernel saw exactly one task per run.
 */
class ChronosFailoverIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String[] IPS = {"127.5.3.1", "127.5.3.2"};

  KernelCluster cluster;
  final List<KernelProcess> chronos = new ArrayList<>();
  RunRepository runs;

  @BeforeEach
  void start() throws Exception {
    cluster = new KernelCluster("chronos-failover");
    for (String ip : IPS) {
      List<String> args = new ArrayList<>(List.of(cluster.base.chronosArgs()));
      args.removeIf(a -> a.startsWith("--chronos.hostname=") || a.startsWith("--server.address="));
      args.addAll(
          List.of(
              "--chronos.hostname=" + ip,
              "--server.address=" + ip,
              "--server.port=9000",
              "--chronos.retry-delay=200ms",
              "--chronos.decline-refuse=1s",
              "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000"));
      chronos.add(
          new KernelProcess(
                  "chronos-" + ip, ip, System.getProperty("chronos.jar"), KernelCluster.JVM, args)
              .start());
    }
    DriverManagerDataSource ds =
        new DriverManagerDataSource(cluster.base.jdbcUrl(), "postgres", "postgres");
    runs = new RunRepository(new JdbcTemplate(ds));
  }

  @AfterEach
  void stop() throws Exception {
    chronos.forEach(KernelProcess::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  static TestCluster.Http http(String ip) {
    return new TestCluster.Http("http://" + ip + ":9000");
  }

  static JsonNode json(String ip, String path) throws Exception {
    return JSON.readTree(http(ip).get(path).body());
  }

  /** The index of the leading instance, once one leads and the framework is subscribed. */
  int leader() {
    return await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              for (int i = 0; i < IPS.length; i++) {
                if (chronos.get(i).alive() && json(IPS[i], "/info").path("leading").asBoolean()) {
                  return i;
                }
              }
              return -1;
            },
            i -> i >= 0);
  }

  @Test
  void killingTheLeaderLosesNoRunAndLaunchesNoneTwice() throws Exception {
    int lead = leader();
    String follower = IPS[1 - lead];
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> json(follower, "/leader").path("leader").asText().equals(IPS[lead] + ":9000"));
    // Through the follower, which forwards to the leader.
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
    var created =
        http(follower)
            .send(
                "POST",
                "/scheduler/iso8601",
                "{\"name\":\"beat\",\"command\":\"echo beat\",\"concurrent\":true,"
                    + "\"epsilon\":\"PT90S\",\"cpus\":0.05,\"mem\":32,\"retries\":0,"
                    + "\"schedule\":\"R/"
                    + start
                    + "/PT1S\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    var longJob =
        http(follower)
            .send(
                "POST",
                "/v1/jobs",
                "{\"id\":\"long\",\"run\":{\"cmd\":\"sleep 8\",\"cpus\":0.1,\"mem\":32}}");
    assertThat(longJob.statusCode()).as(longJob.body()).isEqualTo(201);
    await().atMost(WAIT).until(() -> runs.all("beat").size() >= 3);
    var started = http(follower).send("POST", "/v1/jobs/long/runs", null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String longRun = JSON.readTree(started.body()).path("id").asText();
    await().atMost(WAIT).until(() -> runs.find(longRun).orElseThrow().status() == RunStatus.ACTIVE);

    chronos.get(lead).kill9();
    Instant killedAt = Instant.now();

    assertThat(leader()).isEqualTo(1 - lead);
    // Runs keep coming after the takeover, and the long run finishes under the new leader.
    await()
        .atMost(WAIT)
        .until(
            () ->
                runs.all("beat").stream()
                    .anyMatch(r -> r.dueAt().isAfter(killedAt.plusSeconds(5))));
    await()
        .atMost(WAIT)
        .until(() -> runs.find(longRun).orElseThrow().status() == RunStatus.SUCCESS);
    var disabled =
        http(follower)
            .send(
                "POST",
                "/scheduler/iso8601",
                "{\"name\":\"beat\",\"command\":\"echo beat\",\"disabled\":true,"
                    + "\"schedule\":\"R/"
                    + start
                    + "/PT1S\"}");
    assertThat(disabled.statusCode()).isEqualTo(204);
    await().atMost(WAIT).until(() -> runs.active("beat").isEmpty());

    List<JobRun> beats = runs.all("beat");
    List<Instant> dues = beats.stream().map(JobRun::dueAt).toList();
    List<Instant> expected = new ArrayList<>();
    for (int i = 0; i < dues.size(); i++) {
      expected.add(start.plusSeconds(i));
    }
    assertThat(dues).as("every due second ran exactly once").isEqualTo(expected);
    assertThat(dues.get(dues.size() - 1)).isAfter(killedAt.plusSeconds(5));
    assertThat(beats)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.tasks()).hasSize(1);
            });
    JobRun longDone = runs.find(longRun).orElseThrow();
    assertThat(longDone.tasks()).as("reconciled, not relaunched").hasSize(1);
    assertThat(longDone.tasks().get(0).state()).isEqualTo("TASK_FINISHED");

    // The kernel launched exactly one task per run.
    JsonNode state =
        JSON.readTree(
            new TestCluster.Http("http://" + KernelCluster.MASTER_IP + ":5050")
                .get("/master/state")
                .body());
    long kernelBeats = 0;
    for (JsonNode f : state.path("frameworks")) {
      for (String list : List.of("tasks", "completed_tasks")) {
        for (JsonNode t : f.path(list)) {
          if (t.path("name").asText().equals("beat")) {
            kernelBeats++;
          }
        }
      }
    }
    assertThat(kernelBeats).isEqualTo(beats.size());
  }
}
