package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.core.ClusterFixture;
import io.dcos.kernel.master.core.QuotaRequest;
import io.dcos.kernel.master.core.RoleWeight;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Value;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mesos's JSON for /weights and /quota, in and out, and the quota in /master/roles. */
class RoleSettingsJsonTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private static ClusterFixture cluster() {
    return new ClusterFixture(MasterInfo.newBuilder().setId("m1").build(), NOW, NOW)
        .weight("web", 1.5)
        .weight("analytics", 3)
        .quota(
            "batch",
            new Quota(
                Resources.builder().scalar("cpus", 4).scalar("mem", 2048).build(),
                Resources.builder().scalar("cpus", 8).build()));
  }

  @Test
  void weightsAreListedByRole() {
    JsonNode weights = RoleSettingsJson.weights(cluster().view());
    assertThat(weights.toString())
        .isEqualTo("[{\"role\":\"analytics\",\"weight\":3.0},{\"role\":\"web\",\"weight\":1.5}]");
  }

  @Test
  void quotasCarryMesosInfosAndConfigs() {
    JsonNode quotas = RoleSettingsJson.quotas(cluster().view());
    JsonNode info = quotas.path("infos").get(0);
    assertThat(info.path("role").asText()).isEqualTo("batch");
    assertThat(info.path("guarantee").get(0).toString())
        .isEqualTo("{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":4.0}}");
    assertThat(info.path("guarantee").get(1).path("name").asText()).isEqualTo("mem");
    assertThat(info.path("limit").get(0).path("scalar").path("value").asDouble()).isEqualTo(8.0);
    JsonNode config = quotas.path("configs").get(0);
    assertThat(config.path("guarantees").path("mem").path("value").asDouble()).isEqualTo(2048.0);
    assertThat(config.path("limits").path("cpus").path("value").asDouble()).isEqualTo(8.0);
  }

  @Test
  void rolesShowTheirQuota() {
    JsonNode roles = RolesJson.of(cluster().view()).path("roles");
    assertThat(roles).extracting(r -> r.path("name").asText()).contains("batch", "web");
    JsonNode batch = roles.get(1);
    assertThat(batch.path("name").asText()).isEqualTo("batch");
    assertThat(batch.path("weight").asDouble()).isEqualTo(1.0);
    assertThat(batch.path("quota").path("guarantee").path("cpus").asDouble()).isEqualTo(4.0);
    assertThat(batch.path("quota").path("limit").path("cpus").asDouble()).isEqualTo(8.0);
    assertThat(roles.get(2).path("quota").path("guarantee").size()).isZero();
  }

  @Test
  void parsesWeights() {
    assertThat(RoleSettingsJson.parseWeights("[{\"role\":\"eng/web\",\"weight\":2}]"))
        .containsExactly(new RoleWeight("eng/web", 2.0));
    assertThatThrownBy(() -> RoleSettingsJson.parseWeights("{\"role\":\"web\"}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("JSON array");
    assertThatThrownBy(() -> RoleSettingsJson.parseWeights("[{\"role\":\"web\",\"weight\":\"x\"}]"))
        .hasMessage("weights[0] needs a \"weight\" number");
    assertThatThrownBy(() -> RoleSettingsJson.parseWeights("[{"))
        .hasMessageStartingWith("the body is not valid JSON")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> RoleSettingsJson.parseWeights(null))
        .hasMessage("the request needs a JSON body");
  }

  @Test
  void parsesMesosQuotaRequests() {
    QuotaRequest q =
        RoleSettingsJson.parseQuota(
            "{\"role\":\"batch\",\"force\":true,\"guarantee\":["
                + "{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":4},\"role\":\"*\"},"
                + "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":1,\"end\":2}]}}]}");
    assertThat(q.role()).isEqualTo("batch");
    assertThat(q.force()).isTrue();
    assertThat(q.limit()).isEmpty();
    assertThat(q.guarantee().get(0).getScalar().getValue()).isEqualTo(4.0);
    // Rejecting non-scalars is the core's decision; the parser keeps the type.
    assertThat(q.guarantee().get(1).getType()).isEqualTo(Value.Type.RANGES);

    assertThatThrownBy(() -> RoleSettingsJson.parseQuota("{\"guarantee\":[]}"))
        .hasMessage("a quota request needs a \"role\" string");
    assertThatThrownBy(
            () ->
                RoleSettingsJson.parseQuota(
                    "{\"role\":\"r\",\"guarantee\":[{\"name\":7,\"scalar\":\"x\"}]}"))
        .hasMessageStartingWith("guarantee[0] is not a resource");
    assertThatThrownBy(() -> RoleSettingsJson.parseQuota("{\"role\":\"r\",\"force\":\"yes\"}"))
        .hasMessage("\"force\" must be true or false");
  }
}
