package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.bench.KernelProcess;
import io.dcos.marathon.server.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on a real cluster with two marathon-svc processes and two masters: kill -9 of the
 * marathon-svc leader in the middle of a rolling upgrade (the standby takes over and finishes it,
 * no task lost or duplicated), then kill -9 of the leading master (the app keeps running and the
 * framework re-subscribes with the same id).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final List<String> MASTERS = List.of("127.4.100.30", "127.4.100.31");
  private static final List<String> MARATHONS = List.of("127.4.100.40", "127.4.100.41");
  private static final int PORT = 8080;
  private static final List<String> JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  KernelCluster cluster;
  final Map<String, KernelProcess> marathons = new TreeMap<>();
  Path www;

  @BeforeAll
  void start() throws Exception {
    cluster = new KernelCluster();
    MASTERS.forEach(cluster::startMaster);
    cluster.startAgent("127.4.100.32", "cpus:4;mem:2048;disk:1000;ports:[31000-31100]");
    cluster.startAgent("127.4.100.33", "cpus:4;mem:2048;disk:1000;ports:[31000-31100]");
    www = Files.createDirectories(cluster.work.resolve("www"));
    String db = cluster.newDatabase();
    for (String ip : MARATHONS) {
      marathons.put(
          ip,
          new KernelProcess(
                  "e2e-marathon-" + ip,
                  ip,
                  System.getProperty("marathon.server.jar"),
                  JVM,
                  MarathonInstance.flags(cluster, ip, db, PORT))
              .start());
    }
  }

  @AfterAll
  void stop() throws Exception {
    marathons.values().forEach(KernelProcess::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Http api(String ip) {
    return new Http("http://" + ip + ":" + PORT);
  }

  /** The leading marathon-svc, as any instance reports it. */
  private String marathonLeader() {
    for (String ip : MARATHONS) {
      if (!marathons.get(ip).alive()) {
        continue;
      }
      try {
        Http.Answer a = api(ip).get("/v2/leader");
        if (a.status() == 200) {
          return a.json().path("leader").asText().split(":")[0];
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
    }
    return null;
  }

  private String app(String version, int startDelay) {
    String cmd =
        "sleep "
            + startDelay
            + " && mkdir -p $WWW_ROOT/$MESOS_TASK_ID && cd $WWW_ROOT/$MESOS_TASK_ID && echo ok >"
            + " health && exec busybox httpd -f -p $HOST:$PORT0 -h .";
    return """
        {"id": "/svc", "cmd": "%s", "instances": 6, "cpus": 0.1, "mem": 32,
         "env": {"WWW_ROOT": "%s", "APP_VERSION": "%s"},
         "portDefinitions": [{"port": 0}],
         "healthChecks": [{"protocol": "MESOS_HTTP", "path": "/health", "portIndex": 0,
           "gracePeriodSeconds": 60, "intervalSeconds": 2, "timeoutSeconds": 1,
           "maxConsecutiveFailures": 3, "delaySeconds": 0}],
         "upgradeStrategy": {"minimumHealthCapacity": 1, "maximumOverCapacity": 0.34}}
        """
        .formatted(cmd, www, version);
  }

  private static List<JsonNode> tasks(Http api) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/v2/apps/svc/tasks").json().path("tasks").forEach(out::add);
    return out;
  }

  /** The framework's non-terminal tasks as the leading master knows them. */
  private static Set<String> masterTasks() {
    for (String ip : MASTERS) {
      try {
        JsonNode state = new Http("http://" + ip + ":5050").get("/master/state").json();
        if (state == null || !state.path("leader").asText().contains(ip)) {
          continue;
        }
        Set<String> ids = new TreeSet<>();
        state
            .path("frameworks")
            .forEach(
                f ->
                    f.path("tasks")
                        .forEach(
                            t -> {
                              if (!t.path("state")
                                  .asText()
                                  .matches(
                                      "TASK_(KILLED|FINISHED|FAILED|LOST|ERROR|DROPPED|GONE)")) {
                                ids.add(t.path("id").asText());
                              }
                            }));
        return ids;
      } catch (RuntimeException e) {
        // master down or not listening
      }
    }
    return Set.of();
  }

  private static Set<String> frameworkIds() {
    Set<String> out = new TreeSet<>();
    for (String ip : MASTERS) {
      try {
        JsonNode state = new Http("http://" + ip + ":5050").get("/master/state").json();
        if (state != null && state.path("leader").asText().contains(ip)) {
          state.path("frameworks").forEach(f -> out.add(f.path("id").asText()));
        }
      } catch (RuntimeException e) {
        // master down
      }
    }
    return out;
  }

  private void awaitSettled(Http api, String version) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode app = api.get("/v2/apps/svc").json().path("app");
              assertThat(app.path("tasksHealthy").asInt()).isEqualTo(6);
              assertThat(app.path("env").path("APP_VERSION").asText()).isEqualTo(version);
              assertThat(api.get("/v2/deployments").json()).isEmpty();
              Set<String> ids = new TreeSet<>();
              tasks(api).forEach(t -> ids.add(t.path("id").asText()));
              assertThat(ids).hasSize(6);
              assertThat(masterTasks()).isEqualTo(ids);
            });
  }

  @Test
  @Order(1)
  void standbyFinishesARollingUpgradeAfterTheLeaderIsKilled() {
    await().atMost(WAIT).until(() -> marathonLeader() != null);
    String leader = marathonLeader();
    String standby = MARATHONS.stream().filter(ip -> !ip.equals(leader)).findFirst().orElseThrow();
    Http api = api(leader);
    Http.Answer created = api.post("/v2/apps", app("1", 0));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitSettled(api, "1");
    Set<String> oldTasks = new TreeSet<>();
    tasks(api).forEach(t -> oldTasks.add(t.path("id").asText()));

    // New tasks take 3 s to serve, so the upgrade of 6 runs in several rounds of 3.
    assertThat(api.put("/v2/apps/svc", app("2", 3)).status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () ->
                tasks(api).stream()
                    .anyMatch(
                        t ->
                            !oldTasks.contains(t.path("id").asText())
                                && t.path("healthCheckResults").path(0).path("alive").asBoolean()));
    assertThat(api.get("/v2/deployments").json()).isNotEmpty();
    marathons.get(leader).kill9();

    await().atMost(WAIT).until(() -> standby.equals(marathonLeader()));
    awaitSettled(api(standby), "2");
    Set<String> finalTasks = new TreeSet<>();
    tasks(api(standby)).forEach(t -> finalTasks.add(t.path("id").asText()));
    assertThat(finalTasks).doesNotContainAnyElementsOf(oldTasks);
    assertThat(frameworkIds()).hasSize(1);
  }

  @Test
  @Order(2)
  void appsKeepRunningWhenTheLeadingMasterDiesAndTheFrameworkResubscribes() throws Exception {
    String marathon = marathonLeader();
    Http api = api(marathon);
    Set<String> before = masterTasks();
    String frameworkId = frameworkIds().iterator().next();
    String leadingMaster =
        MASTERS.stream()
            .filter(
                ip -> {
                  JsonNode s = new Http("http://" + ip + ":5050").get("/master/state").json();
                  return s != null && s.path("leader").asText().contains(ip);
                })
            .findFirst()
            .orElseThrow();
    cluster.masters.stream()
        .filter(m -> m.ip().equals(leadingMaster))
        .forEach(KernelProcess::kill9);

    // The tasks still serve while no master leads.
    for (JsonNode t : tasks(api)) {
      String url =
          "http://" + t.path("host").asText() + ":" + t.path("ports").get(0).asInt() + "/health";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
    // A new master leads and knows the same framework and the same tasks.
    await().atMost(WAIT).untilAsserted(() -> assertThat(masterTasks()).isEqualTo(before));
    assertThat(frameworkIds()).containsExactly(frameworkId);
    // The framework is subscribed again: a scale-up launches through the new master.
    assertThat(api.put("/v2/apps/svc", "{\"instances\": 7}").status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get("/v2/apps/svc").json().path("app").path("tasksHealthy").asInt())
                  .isEqualTo(7);
              assertThat(masterTasks()).hasSize(7).containsAll(before);
            });
  }
}
