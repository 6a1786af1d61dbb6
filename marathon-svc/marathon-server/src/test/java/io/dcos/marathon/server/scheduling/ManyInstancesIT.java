package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedAgent;
import io.dcos.kernel.simulator.SimulatedCluster;
import io.dcos.kernel.simulator.tasks.TaskScript;
import io.dcos.marathon.server.support.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hundreds of instances at once on a real master with simulated agents, where status updates arrive
 * in bursts and are stored in batches: what the API reports running is what runs on the agents and
 * what is stored in PostgreSQL, after a deployment, a scale-down and a delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyInstancesIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String MASTER_IP = "127.4.100.50";
  private static final String MARATHON_IP = "127.4.100.60";
  private static final int AGENTS = 40;

  KernelCluster cluster;
  SimulatedCluster agents;
  MarathonInstance marathon;
  Http api;
  String jdbcUrl;

  @BeforeAll
  void start() throws Exception {
    cluster = new KernelCluster();
    cluster.startMaster(MASTER_IP);
    agents =
        SimulatedCluster.builder()
            .zooKeeper(ZooKeeperUrl.parse(cluster.mesosZk()))
            .agents(AGENTS, AgentSpec.uniform("many", "cpus:4;mem:4096;ports:[31000-31100]", "", 0))
            .taskScript(TaskScript.fromLabels())
            .threads(2)
            .start();
    await().atMost(WAIT).until(() -> agents.count(SimulatedAgent.State.REGISTERED) == AGENTS);
    jdbcUrl = cluster.newDatabase();
    marathon = MarathonInstance.start(cluster, MARATHON_IP, jdbcUrl);
    api = new Http(marathon.baseUrl());
  }

  @AfterAll
  void stop() throws Exception {
    if (marathon != null) {
      marathon.close();
    }
    if (agents != null) {
      agents.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void fourHundredInstancesRunAndAreStoredRunning() {
    assertThat(
            api.post(
                    "/v2/apps",
                    """
                    {"id": "/many", "cmd": "sleep 3600", "cpus": 0.1, "mem": 16, "instances": 400}
                    """)
                .status())
        .isEqualTo(201);
    awaitEverywhere(400);
  }

  @Test
  @Order(2)
  void scalingDownKillsAndForgetsTheSurplus() {
    assertThat(api.patch("/v2/apps/many", "{\"instances\": 25}").status()).isEqualTo(200);
    awaitEverywhere(25);
  }

  @Test
  @Order(3)
  void deletingLeavesNothingRunningOrStored() {
    assertThat(api.delete("/v2/apps/many").status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get("/v2/apps/many").status()).isEqualTo(404);
              assertThat(runningOnAgents()).isZero();
              assertThat(storedConditions()).isEmpty();
            });
  }

  /** The API, the agents and the instance store all agree on {@code n} running instances. */
  private void awaitEverywhere(int n) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get("/v2/apps/many").json().path("app").path("tasksRunning").asInt())
                  .isEqualTo(n);
              assertThat(api.get("/v2/deployments").json()).isEmpty();
              assertThat(runningOnAgents()).isEqualTo(n);
              assertThat(storedConditions()).isEqualTo(Map.of("RUNNING", n));
            });
  }

  private long runningOnAgents() {
    return agents.agents().stream()
        .flatMap(a -> a.taskStates().values().stream())
        .filter(s -> s == TaskState.TASK_RUNNING)
        .count();
  }

  /** How many stored instances are in each condition. */
  private Map<String, Integer> storedConditions() throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT state->>'condition', count(*) FROM instances GROUP BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }
}
