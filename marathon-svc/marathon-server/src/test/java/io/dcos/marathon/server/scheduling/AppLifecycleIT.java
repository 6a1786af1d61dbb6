package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An app's whole life through the REST API on a real cluster (ZooKeeper, PostgreSQL, a master and
 * two agents as processes): it serves HTTP and turns healthy, scales to 10 and back, rolls to a new
 * version within its upgrade strategy at every step, has a killed and an unhealthy task replaced,
 * and leaves nothing running once deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String MASTER_IP = "127.4.100.10";
  private static final String MARATHON_IP = "127.4.100.20";

  KernelCluster cluster;
  MarathonInstance marathon;
  Http api;
  Path www;
  final TaskWatch watch = new TaskWatch();

  @BeforeAll
  void start() throws Exception {
    cluster = new KernelCluster();
    cluster.startMaster(MASTER_IP);
    cluster.startAgent("127.4.100.11", "cpus:4;mem:2048;disk:1000;ports:[31000-31100]");
    cluster.startAgent("127.4.100.12", "cpus:4;mem:2048;disk:1000;ports:[31000-31100]");
    www = Files.createDirectories(cluster.work.resolve("www"));
    marathon = MarathonInstance.start(cluster, MARATHON_IP, cluster.newDatabase());
    marathon.bean(EventBus.class).subscribe(watch::on, () -> watch.overflowed = true);
    api = new Http(marathon.baseUrl());
  }

  @AfterAll
  void stop() throws Exception {
    if (marathon != null) {
      marathon.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private String app(int instances, String version) {
    String cmd =
        "mkdir -p $WWW_ROOT/$MESOS_TASK_ID && cd $WWW_ROOT/$MESOS_TASK_ID && echo ok > health"
            + " && env > env && exec busybox httpd -f -p $HOST:$PORT0 -h .";
    return """
        {"id": "/web", "cmd": "%s", "instances": %d, "cpus": 0.1, "mem": 32,
         "env": {"WWW_ROOT": "%s", "APP_VERSION": "%s"},
         "portDefinitions": [{"port": 0, "name": "http"}],
         "labels": {"tier": "front"},
         "constraints": [["hostname", "MAX_PER", "5"]],
         "healthChecks": [{"protocol": "MESOS_HTTP", "path": "/health", "portIndex": 0,
           "gracePeriodSeconds": 30, "intervalSeconds": 2, "timeoutSeconds": 1,
           "maxConsecutiveFailures": 2, "delaySeconds": 0}],
         "upgradeStrategy": {"minimumHealthCapacity": 0.5, "maximumOverCapacity": 0.5},
         "backoffSeconds": 1}
        """
        .formatted(cmd, instances, www, version);
  }

  private JsonNode appJson() {
    return api.get("/v2/apps/web").json().path("app");
  }

  private List<JsonNode> tasks() {
    List<JsonNode> out = new ArrayList<>();
    api.get("/v2/apps/web/tasks").json().path("tasks").forEach(out::add);
    return out;
  }

  private void awaitHealthy(int n) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode app = appJson();
              assertThat(app.path("tasksHealthy").asInt()).isEqualTo(n);
              assertThat(app.path("tasksRunning").asInt()).isEqualTo(n);
              assertThat(tasks()).hasSize(n);
              assertThat(api.get("/v2/deployments").json()).isEmpty();
            });
  }

  private static String fetch(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  @Order(1)
  void createdAppServesHttpWithMarathonsEnvironmentAndTurnsHealthy() throws Exception {
    Http.Answer created = api.post("/v2/apps", app(2, "1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitHealthy(2);
    for (JsonNode task : tasks()) {
      String host = task.path("host").asText();
      int port = task.path("ports").get(0).asInt();
      String env = fetch("http://" + host + ":" + port + "/env");
      assertThat(env)
          .contains("MARATHON_APP_ID=/web")
          .contains("PORT0=" + port)
          .contains("PORT_HTTP=" + port)
          .contains("HOST=" + host)
          .contains("MESOS_TASK_ID=" + task.path("id").asText())
          .contains("MARATHON_APP_LABEL_TIER=front")
          .contains("MARATHON_APP_RESOURCE_MEM=32.0");
    }
  }

  @Test
  @Order(2)
  void scalesToTenAndBack() {
    assertThat(api.put("/v2/apps/web", "{\"instances\": 10}").status()).isEqualTo(200);
    awaitHealthy(10);
    Set<String> hosts = new TreeSet<>();
    tasks().forEach(t -> hosts.add(t.path("host").asText()));
    assertThat(hosts).containsExactly("127.4.100.11", "127.4.100.12");
    assertThat(api.put("/v2/apps/web", "{\"instances\": 2}").status()).isEqualTo(200);
    awaitHealthy(2);
    await().atMost(WAIT).until(() -> watch.alive().size() == 2);
  }

  @Test
  @Order(3)
  void rollsToANewVersionKeepingTheUpgradeStrategyAtEveryStep() {
    assertThat(api.put("/v2/apps/web", "{\"instances\": 4}").status()).isEqualTo(200);
    awaitHealthy(4);
    await().atMost(WAIT).until(() -> watch.alive().size() == 4);
    Set<String> before = new TreeSet<>(watch.alive());
    watch.startChecking(2, 6);
    Http.Answer update = api.put("/v2/apps/web", app(4, "2"));
    assertThat(update.status()).as(update.body()).isEqualTo(200);
    assertThat(update.json().path("deploymentId").asText()).isNotEmpty();
    awaitHealthy(4);
    watch.stopChecking();
    assertThat(watch.violations).isEmpty();
    assertThat(watch.checkedEvents).isGreaterThan(8);
    Set<String> after = new TreeSet<>();
    tasks().forEach(t -> after.add(t.path("id").asText()));
    assertThat(after).doesNotContainAnyElementsOf(before);
    String version = appJson().path("version").asText();
    tasks().forEach(t -> assertThat(t.path("version").asText()).isNotEmpty());
    assertThat(version).isNotEmpty();
  }

  @Test
  @Order(4)
  void killedTaskIsReplaced() {
    String victim = tasks().get(0).path("id").asText();
    Http.Answer killed = api.delete("/v2/apps/web/tasks/" + victim);
    assertThat(killed.status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<String> ids = tasks().stream().map(t -> t.path("id").asText()).toList();
              assertThat(ids).hasSize(4).doesNotContain(victim);
              assertThat(appJson().path("tasksHealthy").asInt()).isEqualTo(4);
            });
    assertThat(watch.states.get(victim)).isIn("TASK_KILLED", "TASK_KILLING");
  }

  @Test
  @Order(5)
  void unhealthyTaskIsKilledAndReplaced() throws Exception {
    String victim = tasks().get(0).path("id").asText();
    Files.delete(www.resolve(victim).resolve("health"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<String> ids = tasks().stream().map(t -> t.path("id").asText()).toList();
              assertThat(ids).hasSize(4).doesNotContain(victim);
              assertThat(appJson().path("tasksHealthy").asInt()).isEqualTo(4);
            });
    assertThat(watch.unhealthyKills).contains(victim);
  }

  @Test
  @Order(6)
  void deletedAppLeavesNoTaskRunning() throws Exception {
    Set<String> last = new TreeSet<>(watch.alive());
    assertThat(api.delete("/v2/apps/web").status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> api.get("/v2/apps/web").status() == 404);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get("/v2/deployments").json()).isEmpty();
              assertThat(watch.alive()).isEmpty();
              JsonNode state =
                  new Http("http://" + MASTER_IP + ":5050").get("/master/state").json();
              state.path("frameworks").forEach(f -> assertThat(f.path("tasks")).isEmpty());
            });
    Process pgrep = new ProcessBuilder("pgrep", "-f", "httpd -f -p").start();
    String out = new String(pgrep.getInputStream().readAllBytes());
    pgrep.waitFor();
    for (String id : last) {
      assertThat(out).doesNotContain(id);
    }
    assertThat(watch.overflowed).isFalse();
  }

  /**
   * Follows task states and health from the event bus, as a dashboard would, and checks the
   * capacity rules after every event while asked to.
   */
  static final class TaskWatch {
    final Map<String, String> states = new ConcurrentHashMap<>();
    final Map<String, Boolean> healthByInstance = new ConcurrentHashMap<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final List<String> unhealthyKills = new CopyOnWriteArrayList<>();
    volatile boolean overflowed;
    volatile int minHealthy = -1;
    volatile int maxAlive = -1;
    volatile int checkedEvents;

    private static final Set<String> TERMINAL =
        Set.of(
            "TASK_FINISHED",
            "TASK_FAILED",
            "TASK_KILLED",
            "TASK_ERROR",
            "TASK_LOST",
            "TASK_DROPPED",
            "TASK_GONE",
            "TASK_GONE_BY_OPERATOR",
            "TASK_UNKNOWN");

    synchronized void on(Object event) {
      if (event instanceof Events.StatusUpdateEvent s) {
        states.put(s.taskId(), s.taskStatus());
      } else if (event instanceof Events.InstanceHealthChangedEvent h) {
        healthByInstance.put(h.instanceId(), Boolean.TRUE.equals(h.healthy()));
      } else if (event instanceof Events.UnhealthyInstanceKillEvent u) {
        unhealthyKills.add(u.taskId());
      } else {
        return;
      }
      if (minHealthy >= 0) {
        checkedEvents++;
        List<String> alive = alive();
        long serving =
            alive.stream()
                .filter(t -> "TASK_RUNNING".equals(states.get(t)))
                .filter(t -> healthy(t))
                .count();
        if (serving < minHealthy || alive.size() > maxAlive) {
          violations.add("serving " + serving + ", alive " + alive.size() + " after " + event);
        }
      }
    }

    private boolean healthy(String taskId) {
      return InstanceId.parseTaskId(taskId)
          .map(r -> healthByInstance.getOrDefault(r.instanceId().toString(), false))
          .orElse(false);
    }

    synchronized List<String> alive() {
      Map<String, String> copy = new HashMap<>(states);
      return copy.entrySet().stream()
          .filter(e -> !TERMINAL.contains(e.getValue()))
          .map(Map.Entry::getKey)
          .toList();
    }

    synchronized void startChecking(int minHealthy, int maxAlive) {
      this.maxAlive = maxAlive;
      this.minHealthy = minHealthy;
    }

    synchronized void stopChecking() {
      minHealthy = -1;
    }
  }
}
