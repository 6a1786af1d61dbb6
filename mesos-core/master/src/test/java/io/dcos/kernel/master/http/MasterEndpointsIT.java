package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.kernel.master.MasterMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real masters on one ZooKeeper: the first is elected and serves the state endpoints with
 * Mesos's shapes; the second is a standby that sends clients to the first.
 */
class MasterEndpointsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void leaderServesStateAndStandbyRedirectsToIt() throws Exception {
    try (TestingServer zk = new TestingServer(true)) {
      int leaderPort = freePort();
      try (ConfigurableApplicationContext leader = startMaster(zk, leaderPort)) {
        assertThat(leader.isRunning()).isTrue();
        await()
            .atMost(WAIT)
            .until(
                () -> json(leaderPort, "/metrics/snapshot").path("master/elected").asDouble() == 1);

        HttpResponse<String> stateResponse = get(leaderPort, "/master/state");
        assertThat(stateResponse.statusCode()).isEqualTo(200);
        JsonNode state = JSON.readTree(stateResponse.body());
        assertThat(state.path("leader").asText()).isEqualTo("master@127.0.0.1:" + leaderPort);
        assertThat(state.path("leader_info").path("address").path("port").asInt())
            .isEqualTo(leaderPort);
        assertThat(state.path("elected_time").asDouble()).isPositive();
        assertThat(state.path("slaves").isArray()).isTrue();
        assertThat(state.path("slaves")).isEmpty();
        assertThat(state.path("frameworks")).isEmpty();
        assertThat(state.path("flags").path("port").asText())
            .isEqualTo(Integer.toString(leaderPort));
        assertThat(json(leaderPort, "/state.json").path("id").asText())
            .isEqualTo(state.path("id").asText());
        assertThat(json(leaderPort, "/master/state-summary").path("slaves").isArray()).isTrue();
        assertThat(json(leaderPort, "/master/slaves").path("slaves").isArray()).isTrue();
        assertThat(json(leaderPort, "/master/frameworks").path("completed_frameworks").isArray())
            .isTrue();
        assertThat(json(leaderPort, "/master/tasks?limit=5").path("tasks").isArray()).isTrue();
        assertThat(json(leaderPort, "/master/roles").path("roles").isArray()).isTrue();

        HttpResponse<String> redirect = get(leaderPort, "/master/redirect");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).contains("//127.0.0.1:" + leaderPort);

        HttpResponse<String> health = get(leaderPort, "/master/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEmpty();

        HttpResponse<String> bad = get(leaderPort, "/master/tasks?limit=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().trim())
            .isEqualTo("limit must be a non-negative integer, got 'abc'")
            .doesNotContain("Exception");

        HttpResponse<String> prometheus = get(leaderPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("mesos_master_elected 1.0");

        int standbyPort = freePort();
        try (ConfigurableApplicationContext standby = startMaster(zk, standbyPort)) {
          assertThat(standby.isRunning()).isTrue();
          String expected = "//127.0.0.1:" + leaderPort + "/master/state";
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      get(standbyPort, "/master/state")
                          .headers()
                          .firstValue("Location")
                          .orElse("")
                          .equals(expected));
          assertThat(get(standbyPort, "/master/state").statusCode()).isEqualTo(307);
          assertThat(get(standbyPort, "/master/tasks?limit=5").headers().firstValue("Location"))
              .contains("//127.0.0.1:" + leaderPort + "/master/tasks?limit=5");
          assertThat(get(standbyPort, "/master/redirect").headers().firstValue("Location"))
              .contains("//127.0.0.1:" + leaderPort);
          assertThat(get(standbyPort, "/master/health").statusCode()).isEqualTo(200);
          JsonNode standbyMetrics = json(standbyPort, "/metrics/snapshot");
          assertThat(standbyMetrics.path("master/elected").asDouble()).isZero();
          assertThat(standbyMetrics.has("master/tasks_running")).isFalse();
        }
      }
    }
  }

  private static ConfigurableApplicationContext startMaster(TestingServer zk, int httpPort)
      throws IOException {
    return new SpringApplicationBuilder(MasterMain.class)
        .properties(
            "mesos.master.zk=zk://" + zk.getConnectString() + "/mesos",
            "mesos.master.ip=127.0.0.1",
            "mesos.master.port=" + httpPort,
            "mesos.master.grpc-port=" + freePort())
        .run();
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(port, path);
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
