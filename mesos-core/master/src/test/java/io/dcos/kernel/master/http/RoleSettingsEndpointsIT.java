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
 * Weights and quota through Mesos's operator endpoints on two real masters sharing one ZooKeeper:
 * the leader takes the changes, the standby sends writers to it, and after the leader goes the
 * standby, now elected, reports the same settings from the registry.
 */
class RoleSettingsEndpointsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void weightsAndQuotaAreSetOnTheLeaderAndSurviveItsLoss() throws Exception {
    try (TestingServer zk = new TestingServer(true)) {
      int leaderPort = freePort();
      ConfigurableApplicationContext leader = startMaster(zk, leaderPort);
      try (ConfigurableApplicationContext standby = awaitLeaderThenStart(zk, leaderPort)) {
        // Weights.
        HttpResponse<String> put =
            send(
                leaderPort,
                "PUT",
                "/weights",
                "[{\"role\":\"analytics\",\"weight\":3.0},{\"role\":\"eng/web\",\"weight\":1.5}]");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(leaderPort, "/weights").toString())
            .isEqualTo(
                "[{\"role\":\"analytics\",\"weight\":3.0},{\"role\":\"eng/web\",\"weight\":1.5}]");
        assertThat(json(leaderPort, "/master/weights")).isEqualTo(json(leaderPort, "/weights"));
        assertBadRequest(
            send(leaderPort, "PUT", "/weights", "[{\"role\":\"web\",\"weight\":0}]"),
            "weight of role 'web' must be a positive number, got 0.0");
        assertBadRequest(
            send(leaderPort, "PUT", "/master/weights", "[{\"role\":\"no spaces\",\"weight\":2}]"),
            "role 'no spaces' must be");
        assertBadRequest(send(leaderPort, "PUT", "/weights", "[{"), "the body is not valid JSON");

        // Quota: no agents yet, so a guarantee needs force.
        String batch =
            "{\"role\":\"batch\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
                + "\"scalar\":{\"value\":4}}]";
        assertBadRequest(
            send(leaderPort, "POST", "/quota", batch + "}"),
            "quota guarantees would total cpus:4.0 but the cluster has cpus:0.0;"
                + " use force to set the quota anyway");
        assertThat(send(leaderPort, "POST", "/quota", batch + ",\"force\":true}").statusCode())
            .isEqualTo(200);
        String web =
            "{\"role\":\"eng/web\",\"force\":true,\"guarantee\":[{\"name\":\"mem\","
                + "\"type\":\"SCALAR\",\"scalar\":{\"value\":512}}]}";
        assertThat(send(leaderPort, "POST", "/master/quota", web).statusCode()).isEqualTo(200);
        assertBadRequest(
            send(
                leaderPort,
                "POST",
                "/quota",
                "{\"role\":\"x\",\"guarantee\":[{\"name\":"
                    + "\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":1,\"end\":2}]}}],"
                    + "\"force\":true}"),
            "scalars only");

        JsonNode quotas = json(leaderPort, "/quota");
        assertThat(quotas.path("infos")).hasSize(2);
        assertThat(quotas.path("infos").get(0).path("role").asText()).isEqualTo("batch");
        assertThat(
                quotas
                    .path("infos")
                    .get(0)
                    .path("guarantee")
                    .get(0)
                    .path("scalar")
                    .path("value")
                    .asDouble())
            .isEqualTo(4.0);
        assertThat(
                quotas
                    .path("configs")
                    .get(1)
                    .path("guarantees")
                    .path("mem")
                    .path("value")
                    .asDouble())
            .isEqualTo(512.0);

        HttpResponse<String> removed = send(leaderPort, "DELETE", "/quota/eng/web", null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        HttpResponse<String> again = send(leaderPort, "DELETE", "/master/quota/eng/web", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body().trim()).isEqualTo("role 'eng/web' has no quota");

        JsonNode roles = json(leaderPort, "/master/roles").path("roles");
        assertThat(roles).extracting(r -> r.path("name").asText()).contains("analytics", "batch");
        for (JsonNode r : roles) {
          if (r.path("name").asText().equals("analytics")) {
            assertThat(r.path("weight").asDouble()).isEqualTo(3.0);
          }
          if (r.path("name").asText().equals("batch")) {
            assertThat(r.path("quota").path("guarantee").path("cpus").asDouble()).isEqualTo(4.0);
          }
        }

        // The standby sends readers and writers to the leader, keeping method and path.
        await().atMost(WAIT).until(() -> get(standbyPort(standby), "/weights").statusCode() == 307);
        HttpResponse<String> redirected =
            send(standbyPort(standby), "PUT", "/weights", "[{\"role\":\"x\",\"weight\":2}]");
        assertThat(redirected.statusCode()).isEqualTo(307);
        assertThat(redirected.headers().firstValue("Location"))
            .contains("//127.0.0.1:" + leaderPort + "/weights");
        assertThat(
                send(standbyPort(standby), "DELETE", "/quota/batch", null)
                    .headers()
                    .firstValue("Location"))
            .contains("//127.0.0.1:" + leaderPort + "/quota/batch");

        // The leader goes; the standby is elected and answers from the registry.
        leader.close();
        int port = standbyPort(standby);
        await()
            .atMost(WAIT)
            .until(() -> json(port, "/metrics/snapshot").path("master/elected").asDouble() == 1);
        await().atMost(WAIT).until(() -> get(port, "/weights").statusCode() == 200);
        assertThat(json(port, "/weights").toString())
            .isEqualTo(
                "[{\"role\":\"analytics\",\"weight\":3.0},{\"role\":\"eng/web\",\"weight\":1.5}]");
        JsonNode recovered = json(port, "/quota");
        assertThat(recovered.path("infos")).hasSize(1);
        assertThat(recovered.path("infos").get(0).path("role").asText()).isEqualTo("batch");
        assertThat(send(port, "DELETE", "/quota/batch", null).statusCode()).isEqualTo(200);
        assertThat(json(port, "/quota").path("infos")).isEmpty();
      } finally {
        leader.close();
      }
    }
  }

  private ConfigurableApplicationContext awaitLeaderThenStart(TestingServer zk, int leaderPort)
      throws IOException {
    await()
        .atMost(WAIT)
        .until(() -> json(leaderPort, "/metrics/snapshot").path("master/elected").asDouble() == 1);
    return startMaster(zk, freePort());
  }

  private static int standbyPort(ConfigurableApplicationContext standby) {
    return Integer.parseInt(standby.getEnvironment().getProperty("mesos.master.port"));
  }

  private static void assertBadRequest(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(message).doesNotContain("Exception");
    assertThat(response.body().trim()).doesNotContain("\n");
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
    return send(port, "GET", path, null);
  }

  private HttpResponse<String> send(int port, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(35))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(port, path);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
