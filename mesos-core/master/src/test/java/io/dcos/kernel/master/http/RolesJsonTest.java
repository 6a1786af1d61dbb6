package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The shape of /master/roles. */
class RolesJsonTest {

  @Test
  void rolesCarryWeightFrameworksAndResources() {
    JsonNode roles = RolesJson.of(SampleCluster.standard().view()).path("roles");

    assertThat(roles).hasSize(1);
    JsonNode db = roles.get(0);
    assertThat(db.path("name").asText()).isEqualTo("db");
    assertThat(db.path("weight").asDouble()).isEqualTo(2.5);
    assertThat(db.path("frameworks").get(0).asText()).isEqualTo("f1");
    assertThat(db.path("allocated").path("cpus").asDouble()).isEqualTo(1.0);
    assertThat(db.path("offered").path("cpus").asDouble()).isEqualTo(2.0);
    assertThat(db.path("resources").path("cpus").asDouble()).isEqualTo(3.0);
    assertThat(db.path("reserved").path("cpus").asDouble()).isEqualTo(2.0);
  }
}
