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

/** The /v2/groups API on a real PostgreSQL and ZooKeeper. */
class GroupsApiIT {
  static MarathonNode node;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    node = MarathonNode.start("127.4.1.12", TestInfra.newDatabase(), TestInfra.newZkUrl());
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
  void createsATreeWithRelativeIdsAndShowsIt() {
    Http.Answer created =
        http.post(
            "/v2/groups",
            "{\"id\":\"/shop\",\"apps\":[{\"id\":\"db\",\"cmd\":\"sleep 1\"}],"
                + "\"groups\":[{\"id\":\"web\",\"apps\":[{\"id\":\"front\",\"cmd\":\"sleep 2\","
                + "\"dependencies\":[\"../db\"]}]}]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Marathon-Deployment-Id"))
        .isEqualTo(created.json().get("deploymentId").asText());
    JsonNode shop = http.get("/v2/groups/shop").json();
    assertThat(shop.get("id").asText()).isEqualTo("/shop");
    assertThat(shop.at("/apps/0/id").asText()).isEqualTo("/shop/db");
    assertThat(shop.at("/groups/0/id").asText()).isEqualTo("/shop/web");
    assertThat(shop.at("/groups/0/apps/0/id").asText()).isEqualTo("/shop/web/front");
    assertThat(shop.at("/groups/0/apps/0/dependencies/0").asText()).isEqualTo("/shop/db");
    assertThat(http.get("/v2/apps/shop/web/front").status()).isEqualTo(200);
    assertThat(http.get("/v2/groups").json().at("/groups").toString()).contains("/shop");

    Http.Answer again = http.post("/v2/groups", "{\"id\":\"/shop\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void invalidAppsInAGroupAreReportedWithTheirIndex() {
    Http.Answer a =
        http.post(
            "/v2/groups",
            "{\"id\":\"/broken\",\"apps\":[{\"id\":\"ok\",\"cmd\":\"x\"},{\"id\":\"bad\",\"cpus\":-2}],"
                + "\"groups\":[{\"id\":\"sub\",\"apps\":[{\"id\":\"img\",\"container\":{\"docker\":{}}}]}]}");
    assertThat(a.status()).isEqualTo(422);
    List<String> paths = new ArrayList<>();
    a.json().get("details").forEach(d -> paths.add(d.get("path").asText()));
    assertThat(paths)
        .contains("/apps(1)/cpus", "/apps(1)", "/groups(0)/apps(0)/container/docker/image");
    assertThat(http.get("/v2/groups/broken").status()).isEqualTo(404);
  }

  @Test
  void dependencyCyclesAreRejected() {
    Http.Answer a =
        http.post(
            "/v2/groups",
            "{\"id\":\"/cycle\",\"apps\":[{\"id\":\"a\",\"cmd\":\"x\",\"dependencies\":[\"b\"]},"
                + "{\"id\":\"b\",\"cmd\":\"x\",\"dependencies\":[\"a\"]}]}");
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().at("/details/0/errors/0").asText()).contains("cyclic");
    assertThat(http.get("/v2/groups/cycle").status()).isEqualTo(404);
  }

  @Test
  void scaleByMultipliesInstancesAndRollbackRestoresAnEarlierTree() {
    http.post(
        "/v2/groups",
        "{\"id\":\"/scaled\",\"apps\":[{\"id\":\"a\",\"cmd\":\"x\",\"instances\":2},"
            + "{\"id\":\"b\",\"cmd\":\"y\",\"instances\":3}]}");
    JsonNode versions = http.get("/v2/groups/scaled/versions").json().get("versions");
    String before = versions.get(0).asText();

    Http.Answer scaled = http.put("/v2/groups/scaled?force=true", "{\"scaleBy\":1.5}");
    assertThat(scaled.status()).isEqualTo(200);
    assertThat(http.get("/v2/apps/scaled/a").json().at("/app/instances").asInt()).isEqualTo(3);
    assertThat(http.get("/v2/apps/scaled/b").json().at("/app/instances").asInt()).isEqualTo(5);

    Http.Answer back = http.put("/v2/groups/scaled?force=true", "{\"version\":\"" + before + "\"}");
    assertThat(back.status()).isEqualTo(200);
    assertThat(http.get("/v2/apps/scaled/a").json().at("/app/instances").asInt()).isEqualTo(2);
    assertThat(http.get("/v2/apps/scaled/b").json().at("/app/instances").asInt()).isEqualTo(3);
  }

  @Test
  void updateReplacesListedAppsAndDeleteRemovesTheSubtree() {
    http.post(
        "/v2/groups",
        "{\"id\":\"/upd\",\"apps\":[{\"id\":\"keep\",\"cmd\":\"x\"},{\"id\":\"drop\",\"cmd\":\"y\"}]}");
    Http.Answer a =
        http.put("/v2/groups/upd?force=true", "{\"apps\":[{\"id\":\"keep\",\"cmd\":\"x2\"}]}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(http.get("/v2/apps/upd/keep").json().at("/app/cmd").asText()).isEqualTo("x2");
    assertThat(http.get("/v2/apps/upd/drop").status()).isEqualTo(404);

    Http.Answer deleted = http.delete("/v2/groups/upd?force=true");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(http.get("/v2/groups/upd").status()).isEqualTo(404);
    assertThat(http.get("/v2/apps/upd/keep").status()).isEqualTo(404);
    assertThat(http.delete("/v2/groups/upd").status()).isEqualTo(404);
  }
}
