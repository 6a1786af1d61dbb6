package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonNode;
import io.dcos.marathon.server.support.TestInfra;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /ping, /v2/info, /v2/leader, metrics and the /v2/events stream of a running instance. */
class ServiceApiIT {
  static MarathonNode node;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    node = MarathonNode.start("127.4.1.13", TestInfra.newDatabase(), TestInfra.newZkUrl());
    http = new Http(node.baseUrl());
    await().atMost(Duration.ofSeconds(20)).until(node::isLeader);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void pingInfoAndLeader() {
    Http.Answer ping = http.get("/ping");
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("pong");
    JsonNode info = http.get("/v2/info").json();
    assertThat(info.get("name").asText()).isEqualTo("marathon");
    assertThat(info.get("elected").asBoolean()).isTrue();
    String self = node.baseUrl().substring("http://".length());
    assertThat(info.get("leader").asText()).isEqualTo(self);
    assertThat(info.at("/marathon_config/framework_name").asText()).isEqualTo("marathon");
    assertThat(info.at("/zookeeper_config/zk").asText()).startsWith("zk://");
    assertThat(http.get("/v2/leader").json().get("leader").asText()).isEqualTo(self);
  }

  @Test
  void metricsAsJsonAndPrometheusText() {
    http.get("/v2/apps");
    JsonNode metrics = http.get("/metrics").json();
    assertThat(metrics.get("gauges").has("marathon.apps.active")).isTrue();
    assertThat(metrics.has("counters")).isTrue();
    Http.Answer prometheus = http.get("/metrics/prometheus");
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("marathon_apps_active")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void eventStreamDeliversFilteredEventsAsServerSentEvents() {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v2/events?event_type=api_post_event"))
            .header("Accept", "text/event-stream")
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> r.body().forEach(lines::add));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> response.isDone() && response.join().statusCode() == 200);
    // The stream is attached once the controller subscribed; post until an event arrives.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              http.post(
                  "/v2/apps?force=true",
                  "{\"id\":\"/events/app-" + System.nanoTime() + "\",\"cmd\":\"sleep 1\"}");
              return lines.contains("event:api_post_event");
            });
    String data = lines.get(lines.indexOf("event:api_post_event") + 1);
    assertThat(data).startsWith("data:").contains("\"eventType\":\"api_post_event\"");
    assertThat(data).contains("\"appDefinition\"").contains("/events/app-");
    assertThat(lines).noneMatch(l -> l.startsWith("event:") && !l.equals("event:api_post_event"));
    response.join().body().close();
  }
}
