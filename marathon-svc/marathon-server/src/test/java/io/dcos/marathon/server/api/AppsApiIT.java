package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonNode;
import io.dcos.marathon.server.support.TestInfra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /v2/apps API on a real PostgreSQL and ZooKeeper, through HTTP. */
class AppsApiIT {
  static String jdbcUrl;
  static String zkUrl;
  static MarathonNode node;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    jdbcUrl = TestInfra.newDatabase();
    zkUrl = TestInfra.newZkUrl();
    node = MarathonNode.start("127.4.1.10", jdbcUrl, zkUrl);
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
  void createAnswersWithTheNormalizedAppAndDeploymentHeaders() {
    Http.Answer a = http.post("/v2/apps", "{\"id\":\"/web/created\",\"cmd\":\"sleep 100\"}");
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.header("Location")).endsWith("/v2/apps/web/created");
    assertThat(a.header("Marathon-Deployment-Id")).isNotBlank();
    JsonNode app = a.json();
    assertThat(app.get("id").asText()).isEqualTo("/web/created");
    assertThat(app.get("cpus").asDouble()).isEqualTo(1.0);
    assertThat(app.get("mem").asDouble()).isEqualTo(128.0);
    assertThat(app.get("disk").asDouble()).isEqualTo(0.0);
    assertThat(app.get("instances").asInt()).isEqualTo(1);
    assertThat(app.get("backoffSeconds").asInt()).isEqualTo(1);
    assertThat(app.get("backoffFactor").asDouble()).isEqualTo(1.15);
    assertThat(app.get("maxLaunchDelaySeconds").asInt()).isEqualTo(300);
    assertThat(app.at("/upgradeStrategy/minimumHealthCapacity").asDouble()).isEqualTo(1.0);
    assertThat(app.at("/upgradeStrategy/maximumOverCapacity").asDouble()).isEqualTo(1.0);
    assertThat(app.get("killSelection").asText()).isEqualTo("YOUNGEST_FIRST");
    assertThat(app.at("/unreachableStrategy/inactiveAfterSeconds").asInt()).isZero();
    assertThat(app.at("/portDefinitions/0/name").asText()).isEqualTo("default");
    assertThat(app.at("/portDefinitions/0/port").asInt()).isBetween(10000, 20000);
    assertThat(app.at("/deployments/0/id").asText()).isEqualTo(a.header("Marathon-Deployment-Id"));
    assertThat(app.get("version").asText()).isNotBlank();
    assertThat(app.get("tasksRunning").asInt()).isZero();

    Http.Answer again = http.post("/v2/apps", "{\"id\":\"/web/created\",\"cmd\":\"sleep 1\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText())
        .isEqualTo("An app with id [/web/created] already exists.");

    Http.Answer shown = http.get("/v2/apps/web/created");
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().at("/app/cmd").asText()).isEqualTo("sleep 100");
    assertThat(shown.json().at("/app/tasks").isArray()).isTrue();
  }

  @Test
  void servicePortsAreDistinctAcrossApps() {
    http.post(
        "/v2/apps",
        "{\"id\":\"/ports/a\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":0},{\"port\":0}]}");
    http.post("/v2/apps", "{\"id\":\"/ports/b\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":0}]}");
    List<Integer> ports = new ArrayList<>();
    for (String id : List.of("/ports/a", "/ports/b")) {
      http.get("/v2/apps" + id)
          .json()
          .at("/app/portDefinitions")
          .forEach(p -> ports.add(p.get("port").asInt()));
    }
    assertThat(ports).hasSize(3).doesNotHaveDuplicates().allMatch(p -> p >= 10000);
  }

  @Test
  void invalidAppsAreRejectedWithThePathOfEachProblemAndNothingIsStored() {
    Http.Answer a =
        http.post(
            "/v2/apps",
            "{\"id\":\"/bad/App_\",\"cpus\":-1,\"container\":{\"type\":\"DOCKER\",\"docker\":{}},"
                + "\"upgradeStrategy\":{\"minimumHealthCapacity\":1.5},"
                + "\"constraints\":[[\"hostname\",\"NEAR\"]]}");
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().get("message").asText()).isEqualTo("Object is not valid");
    List<String> paths = new ArrayList<>();
    a.json().get("details").forEach(d -> paths.add(d.get("path").asText()));
    assertThat(paths).contains("/constraints(0)");

    Http.Answer model =
        http.post(
            "/v2/apps",
            "{\"id\":\"/bad/App_\",\"cpus\":-1,\"container\":{\"type\":\"DOCKER\",\"docker\":{}},"
                + "\"upgradeStrategy\":{\"minimumHealthCapacity\":1.5}}");
    assertThat(model.status()).isEqualTo(422);
    List<String> modelPaths = new ArrayList<>();
    model.json().get("details").forEach(d -> modelPaths.add(d.get("path").asText()));
    assertThat(modelPaths)
        .contains(
            "/id", "/cpus", "/container/docker/image", "/upgradeStrategy/minimumHealthCapacity");
    assertThat(model.json().toString()).contains("is greater than 1");

    Http.Answer both =
        http.post("/v2/apps", "{\"id\":\"/bad/both\",\"cmd\":\"a\",\"args\":[\"b\"]}");
    assertThat(both.status()).isEqualTo(422);
    assertThat(both.json().at("/details/0/path").asText()).isEqualTo("/");

    assertThat(http.get("/v2/apps/bad/both").status()).isEqualTo(404);
  }

  @Test
  void malformedJsonIs400AndWrongTypesAre422WithTheField() {
    Http.Answer broken = http.post("/v2/apps", "{\"id\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("message").asText()).isEqualTo("Invalid JSON");

    Http.Answer wrongType =
        http.post("/v2/apps", "{\"id\":\"/typed\",\"cmd\":\"x\",\"cpus\":\"lots\"}");
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(wrongType.json().at("/details/0/path").asText()).isEqualTo("/cpus");
    assertThat(wrongType.json().at("/details/0/errors/0").asText())
        .isEqualTo("error.expected.jsnumber");
  }

  @Test
  void missingAppsAre404WithMarathonsMessage() {
    Http.Answer a = http.get("/v2/apps/does/not/exist");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("message").asText()).isEqualTo("App '/does/not/exist' does not exist");
    assertThat(http.patch("/v2/apps/does/not/exist", "{\"instances\":2}").status()).isEqualTo(404);
    assertThat(http.delete("/v2/apps/does/not/exist").status()).isEqualTo(404);
    assertThat(http.post("/v2/apps/does/not/exist/restart", null).status()).isEqualTo(404);
  }

  @Test
  void partialUpdatesKeepOtherFieldsAndRollbackRestoresAVersion() {
    http.post("/v2/apps", "{\"id\":\"/upd/app\",\"cmd\":\"sleep 1\",\"labels\":{\"a\":\"b\"}}");
    Http.Answer scaled = http.put("/v2/apps/upd/app?force=true", "{\"instances\":3}");
    assertThat(scaled.status()).isEqualTo(200);
    assertThat(scaled.json().get("deploymentId").asText())
        .isEqualTo(scaled.header("Marathon-Deployment-Id"));
    String scaledVersion = scaled.json().get("version").asText();
    JsonNode app = http.get("/v2/apps/upd/app").json().get("app");
    assertThat(app.get("instances").asInt()).isEqualTo(3);
    assertThat(app.get("cmd").asText()).isEqualTo("sleep 1");
    assertThat(app.at("/labels/a").asText()).isEqualTo("b");
    assertThat(app.get("version").asText()).isEqualTo(scaledVersion);
    assertThat(app.at("/versionInfo/lastScalingAt").asText()).isEqualTo(scaledVersion);
    assertThat(app.at("/versionInfo/lastConfigChangeAt").asText()).isNotEqualTo(scaledVersion);

    Http.Answer changed = http.patch("/v2/apps/upd/app?force=true", "{\"cmd\":\"sleep 2\"}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(
            http.get("/v2/apps/upd/app").json().at("/app/versionInfo/lastConfigChangeAt").asText())
        .isEqualTo(changed.json().get("version").asText());

    JsonNode versions = http.get("/v2/apps/upd/app/versions").json().get("versions");
    assertThat(versions).hasSize(3);
    String first = versions.get(2).asText();
    assertThat(http.get("/v2/apps/upd/app/versions/" + first).json().get("instances").asInt())
        .isEqualTo(1);

    Http.Answer rollback =
        http.put("/v2/apps/upd/app?force=true", "{\"version\":\"" + first + "\"}");
    assertThat(rollback.status()).isEqualTo(200);
    JsonNode back = http.get("/v2/apps/upd/app").json().get("app");
    assertThat(back.get("cmd").asText()).isEqualTo("sleep 1");
    assertThat(back.get("instances").asInt()).isEqualTo(1);
    assertThat(
            http.put("/v2/apps/upd/app?force=true", "{\"version\":\"2001-01-01T00:00:00Z\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void putCreatesAMissingAppAndRestartMovesTheConfigVersion() {
    Http.Answer created = http.put("/v2/apps/put/made", "{\"cmd\":\"sleep 5\"}");
    assertThat(created.status()).isEqualTo(201);
    String before =
        http.get("/v2/apps/put/made").json().at("/app/versionInfo/lastConfigChangeAt").asText();
    Http.Answer restarted = http.post("/v2/apps/put/made/restart?force=true", null);
    assertThat(restarted.status()).isEqualTo(200);
    assertThat(restarted.json().get("deploymentId").asText()).isNotBlank();
    String after =
        http.get("/v2/apps/put/made").json().at("/app/versionInfo/lastConfigChangeAt").asText();
    assertThat(after).isNotEqualTo(before).isEqualTo(restarted.json().get("version").asText());
  }

  @Test
  void listFiltersByCmdIdAndLabel() {
    http.post(
        "/v2/apps",
        "{\"id\":\"/filter/one\",\"cmd\":\"python3 -m http.server\",\"labels\":{\"env\":\"prod\",\"tier\":\"web\"}}");
    http.post(
        "/v2/apps", "{\"id\":\"/filter/two\",\"cmd\":\"sleep 10\",\"labels\":{\"env\":\"dev\"}}");
    assertThat(ids("/v2/apps?id=/filter/")).containsExactly("/filter/one", "/filter/two");
    assertThat(ids("/v2/apps?id=/filter/&cmd=http.server")).containsExactly("/filter/one");
    assertThat(ids("/v2/apps?id=/filter/&label=env==prod")).containsExactly("/filter/one");
    assertThat(ids("/v2/apps?id=/filter/&label=env!=prod")).containsExactly("/filter/two");
    assertThat(ids("/v2/apps?id=/filter/&label=env%20in%20(dev,qa)"))
        .containsExactly("/filter/two");
    assertThat(ids("/v2/apps?id=/filter/&label=tier")).containsExactly("/filter/one");
    assertThat(
            http.get("/v2/apps?embed=apps.tasks&id=/filter/one")
                .json()
                .at("/apps/0/tasks")
                .isArray())
        .isTrue();
  }

  @Test
  void deleteRemovesTheAppAndItsVersionsAnswer404() {
    http.post("/v2/apps", "{\"id\":\"/del/app\",\"cmd\":\"sleep 1\"}");
    Http.Answer deleted = http.delete("/v2/apps/del/app?force=true");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("deploymentId").asText()).isNotBlank();
    assertThat(http.get("/v2/apps/del/app").status()).isEqualTo(404);
    assertThat(ids("/v2/apps?id=/del/")).isEmpty();
  }

  @Test
  void bulkUpdatesChangeSeveralAppsInOneDeployment() {
    http.post("/v2/apps", "{\"id\":\"/bulk/a\",\"cmd\":\"sleep 1\"}");
    Http.Answer a =
        http.put(
            "/v2/apps?force=true",
            "[{\"id\":\"/bulk/a\",\"instances\":2},{\"id\":\"/bulk/b\",\"cmd\":\"sleep 2\"}]");
    assertThat(a.status()).isEqualTo(200);
    assertThat(http.get("/v2/apps/bulk/a").json().at("/app/instances").asInt()).isEqualTo(2);
    assertThat(http.get("/v2/apps/bulk/b").json().at("/app/cmd").asText()).isEqualTo("sleep 2");
  }

  @Test
  void appsSurviveARestartOfTheService() {
    http.post("/v2/apps", "{\"id\":\"/durable/app\",\"cmd\":\"sleep 1\",\"instances\":4}");
    try (MarathonNode second =
        MarathonNode.start("127.4.1.11", jdbcUrl, TestInfra.newZkUrlUnchecked())) {
      await().atMost(Duration.ofSeconds(20)).until(second::isLeader);
      JsonNode app = new Http(second.baseUrl()).get("/v2/apps/durable/app").json().get("app");
      assertThat(app.get("instances").asInt()).isEqualTo(4);
      assertThat(app.get("cmd").asText()).isEqualTo("sleep 1");
    }
  }

  @Test
  void aSecondChangeWhileTheAppIsDeployingIsLockedUnlessForced() {
    Http.Answer created = http.post("/v2/apps", "{\"id\":\"/locked/app\",\"cmd\":\"sleep 1\"}");
    String deployment = created.header("Marathon-Deployment-Id");
    // No kernel is attached, so the deployment cannot finish and keeps the app locked.
    Http.Answer locked = http.put("/v2/apps/locked/app", "{\"instances\":2}");
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.json().get("message").asText())
        .startsWith(
            "App is locked by one or more deployments. Override with the option '?force=true'");
    assertThat(locked.json().at("/deployments/0/id").asText()).isEqualTo(deployment);
    assertThat(http.get("/v2/apps/locked/app").json().at("/app/instances").asInt()).isEqualTo(1);

    JsonNode deployments = http.get("/v2/deployments").json();
    JsonNode mine = null;
    for (JsonNode d : deployments) {
      if (d.get("id").asText().equals(deployment)) {
        mine = d;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("affectedApps").toString()).contains("/locked/app");
    assertThat(mine.get("totalSteps").asInt()).isPositive();
    assertThat(mine.at("/steps/0/actions/0/action").asText()).isNotBlank();

    Http.Answer forced = http.put("/v2/apps/locked/app?force=true", "{\"instances\":2}");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(http.get("/v2/apps/locked/app").json().at("/app/instances").asInt()).isEqualTo(2);
    String second = forced.header("Marathon-Deployment-Id");
    assertThat(http.delete("/v2/deployments/" + second + "?force=true").status()).isEqualTo(202);
    assertThat(http.delete("/v2/deployments/no-such-deployment").status()).isEqualTo(404);
  }

  private static List<String> ids(String path) {
    List<String> out = new ArrayList<>();
    http.get(path).json().get("apps").forEach(a -> out.add(a.get("id").asText()));
    return out;
  }
}
