package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonNode;
import io.dcos.marathon.server.support.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status parts of apps on a real PostgreSQL and ZooKeeper: {@code lastTaskFailure} recorded
 * from the status updates on the event bus (the path the scheduler publishes them on) and kept
 * across a restart, {@code taskStats}, and service ports of removed apps given out again.
 */
class AppStatusApiIT {
  static final String IP = "127.4.200.10";

  String jdbcUrl;
  String zkUrl;
  MarathonNode node;
  Http http;

  @BeforeEach
  void start() throws Exception {
    jdbcUrl = TestInfra.newDatabase();
    zkUrl = TestInfra.newZkUrl();
    startNode();
  }

  private void startNode() {
    node = MarathonNode.start(IP, jdbcUrl, zkUrl);
    http = new Http(node.baseUrl());
    await().atMost(Duration.ofSeconds(20)).until(node::isLeader);
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private void statusUpdate(String appId, String taskId, String state, String message) {
    String version = http.get("/v2/apps" + appId).json().at("/app/version").asText();
    node.bean(EventBus.class)
        .publish(
            new Events.StatusUpdateEvent(
                "agent-7",
                taskId,
                state,
                message,
                appId,
                "10.0.0.7",
                List.of(),
                List.of(31005),
                version,
                Instant.parse("2026-11-22T10:00:00Z")));
  }

  @Test
  void lastTaskFailureIsShownEmbeddedAndKeptAcrossARestartUntilTheAppIsRemoved() throws Exception {
    assertThat(http.post("/v2/apps", "{\"id\":\"/web/flaky\",\"cmd\":\"exit 1\"}").status())
        .isEqualTo(201);
    String version = http.get("/v2/apps/web/flaky").json().at("/app/version").asText();
    assertThat(http.get("/v2/apps/web/flaky").json().at("/app").has("lastTaskFailure")).isFalse();

    statusUpdate("/web/flaky", "web_flaky.instance-a._app.1", "TASK_RUNNING", "");
    statusUpdate(
        "/web/flaky", "web_flaky.instance-a._app.1", "TASK_FAILED", "Command exited with 1");

    JsonNode failure =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> http.get("/v2/apps/web/flaky").json().at("/app/lastTaskFailure"),
                n -> !n.isMissingNode());
    assertThat(failure.get("appId").asText()).isEqualTo("/web/flaky");
    assertThat(failure.get("taskId").asText()).isEqualTo("web_flaky.instance-a._app.1");
    assertThat(failure.get("state").asText()).isEqualTo("TASK_FAILED");
    assertThat(failure.get("message").asText()).isEqualTo("Command exited with 1");
    assertThat(failure.get("host").asText()).isEqualTo("10.0.0.7");
    assertThat(failure.get("slaveId").asText()).isEqualTo("agent-7");
    assertThat(failure.get("version").asText()).isEqualTo(version);
    assertThat(failure.get("timestamp").asText()).isEqualTo("2026-11-22T10:00:00Z");

    // Only with the embed in lists.
    assertThat(http.get("/v2/apps").json().at("/apps/0").has("lastTaskFailure")).isFalse();
    assertThat(http.get("/v2/apps?embed=apps.lastTaskFailure").json().at("/apps/0/lastTaskFailure"))
        .isEqualTo(failure);

    node.close();
    startNode();
    assertThat(http.get("/v2/apps/web/flaky").json().at("/app/lastTaskFailure")).isEqualTo(failure);

    assertThat(http.delete("/v2/apps/web/flaky?force=true").status()).isEqualTo(200);
    assertThat(
            http.post("/v2/apps?force=true", "{\"id\":\"/web/flaky\",\"cmd\":\"sleep 9\"}")
                .status())
        .isEqualTo(201);
    assertThat(http.get("/v2/apps/web/flaky").json().at("/app").has("lastTaskFailure")).isFalse();
  }

  @Test
  void taskStatsAreEmbeddedOnlyWhenAsked() {
    http.post("/v2/apps", "{\"id\":\"/stats\",\"cmd\":\"sleep 9\",\"instances\":0}");
    assertThat(http.get("/v2/apps").json().at("/apps/0").has("taskStats")).isFalse();
    JsonNode listed = http.get("/v2/apps?embed=apps.taskStats").json().at("/apps/0");
    // No tasks: every group of the stats is left out, as Marathon does.
    assertThat(listed.get("taskStats").isObject()).isTrue();
    assertThat(listed.get("taskStats").size()).isZero();
    assertThat(http.get("/v2/apps/stats").json().at("/app").has("taskStats")).isFalse();
    assertThat(
            http.get("/v2/apps/stats?embed=app.taskStats").json().at("/app/taskStats").isObject())
        .isTrue();
  }

  @Test
  void theServicePortsOfARemovedAppAreGivenToTheNextApp() {
    JsonNode group =
        http.post(
                "/v2/groups",
                "{\"id\":\"/ports\",\"apps\":[{\"id\":\"a\",\"cmd\":\"x\"},"
                    + "{\"id\":\"b\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":0},{\"port\":0}]},"
                    + "{\"id\":\"c\",\"cmd\":\"x\"}]}")
            .json();
    assertThat(group).isNotNull();
    int a = http.get("/v2/apps/ports/a").json().at("/app/portDefinitions/0/port").asInt();
    JsonNode b = http.get("/v2/apps/ports/b").json().at("/app/portDefinitions");
    int c = http.get("/v2/apps/ports/c").json().at("/app/portDefinitions/0/port").asInt();
    assertThat(List.of(a, b.get(0).get("port").asInt(), b.get(1).get("port").asInt(), c))
        .containsExactly(10000, 10001, 10002, 10003);

    assertThat(http.delete("/v2/apps/ports/b?force=true").status()).isEqualTo(200);
    JsonNode d =
        http.post(
                "/v2/apps",
                "{\"id\":\"/ports/d\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":0},{\"port\":0},{\"port\":0}]}")
            .json();
    assertThat(d.at("/portDefinitions/0/port").asInt()).isEqualTo(10001);
    assertThat(d.at("/portDefinitions/1/port").asInt()).isEqualTo(10002);
    assertThat(d.at("/portDefinitions/2/port").asInt()).isEqualTo(10004);
  }
}
