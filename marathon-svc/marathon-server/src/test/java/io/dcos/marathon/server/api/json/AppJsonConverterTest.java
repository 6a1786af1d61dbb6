package io.dcos.marathon.server.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.EnvVarValue;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.KillSelection;
import io.dcos.marathon.core.model.Network;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.UnreachableStrategy;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.placement.Constraint;
import io.dcos.marathon.core.placement.ConstraintOperator;
import io.dcos.marathon.core.validation.AppValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppJsonConverterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static AppDefinition load(String name) throws IOException {
    try (InputStream in = AppJsonConverterTest.class.getResourceAsStream("/apps/" + name)) {
      Converted<AppDefinition> c =
          AppJsonConverter.toModel(MAPPER.readValue(in, AppJson.class), PathId.parse("/base"));
      assertThat(c.violations()).isEmpty();
      return c.value();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker-bridge.json",
        "command-with-secrets.json",
        "legacy.json",
        "legacy-docker.json"
      })
  void examplesSurviveAJsonRoundTripAndAreValid(String name) throws IOException {
    AppDefinition app =
        load(name).withVersionInfo(VersionInfo.initial(Instant.parse("2026-03-01T10:00:00.123Z")));
    assertThat(AppValidator.validate(app)).isEmpty();
    String json = MAPPER.writeValueAsString(AppJsonConverter.toJson(app));
    AppDefinition again =
        AppJsonConverter.toModel(MAPPER.readValue(json, AppJson.class), PathId.ROOT).value();
    assertThat(again).isEqualTo(app);
  }

  @Test
  void dockerAppFieldsAreRead() throws IOException {
    AppDefinition app = load("docker-bridge.json");
    assertThat(app.id()).isEqualTo(PathId.parse("/product/service/nginx"));
    assertThat(app.container().type()).isEqualTo(Container.ContainerType.DOCKER);
    assertThat(app.container().docker().image()).isEqualTo("nginx:1.25");
    assertThat(app.container().portMappings().get(0).labels()).containsEntry("VIP_0", "/nginx:80");
    assertThat(app.networks())
        .extracting(Network::mode)
        .containsExactly(Network.NetworkMode.CONTAINER_BRIDGE);
    assertThat(app.portDefinitions()).isEmpty();
    assertThat(app.constraints())
        .containsExactly(
            Constraint.of("hostname", ConstraintOperator.UNIQUE),
            Constraint.of("rack", ConstraintOperator.GROUP_BY, "3"),
            Constraint.of("@zone", ConstraintOperator.LIKE, "eu-.*"));
    HealthCheck h = app.healthChecks().get(0);
    assertThat(h.protocol()).isEqualTo(HealthCheck.HealthCheckProtocol.MESOS_HTTP);
    assertThat(h.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(h.delay()).isEqualTo(Duration.ofSeconds(15));
    assertThat(app.killSelection()).isEqualTo(KillSelection.OLDEST_FIRST);
    assertThat(app.taskKillGracePeriod()).isEqualTo(Duration.ofSeconds(20));
    assertThat(app.readinessChecks().get(0).httpStatusCodesForReady())
        .containsExactlyInAnyOrder(200, 204);
  }

  @Test
  void relativeIdsSecretsAndDisabledUnreachableAreRead() throws IOException {
    AppDefinition app = load("command-with-secrets.json");
    assertThat(app.id()).isEqualTo(PathId.parse("/base/worker"));
    assertThat(app.env().get("DB_PASSWORD")).isEqualTo(new EnvVarValue.SecretRef("db"));
    assertThat(app.env().get("MODE")).isEqualTo(new EnvVarValue.Literal("batch"));
    assertThat(app.secrets().get("db").source()).isEqualTo("prod/db/password");
    assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.DISABLED);
    assertThat(app.backoffStrategy().factor()).isEqualTo(2.0);
    assertThat(app.fetch().get(0).cache()).isTrue();
    assertThat(app.healthChecks().get(0).command()).isEqualTo("test -f /tmp/ok");
    assertThat(app.healthChecks().get(0).portIndex()).isNull();
  }

  @Test
  void legacyPortsUrisAndDockerNetworkAreNormalized() throws IOException {
    AppDefinition app = load("legacy.json");
    assertThat(app.portDefinitions()).hasSize(2);
    assertThat(app.fetch().get(0).uri()).isEqualTo("https://example.org/site.tar.gz");
    assertThat(app.fetch().get(0).extract()).isTrue();
    AppDefinition docker = load("legacy-docker.json");
    assertThat(docker.networks().get(0).mode()).isEqualTo(Network.NetworkMode.CONTAINER_BRIDGE);
    assertThat(docker.container().portMappings().get(0).containerPort()).isEqualTo(8000);
    assertThat(docker.portDefinitions()).isEmpty();
  }

  @Test
  void unknownEnumsAndBadConstraintsBecomeViolationsWithTheirPaths() throws IOException {
    AppJson json =
        MAPPER.readValue(
            "{\"id\":\"/x\",\"cmd\":\"y\",\"killSelection\":\"RANDOM\","
                + "\"constraints\":[[\"a\",\"UNIQUE\"],[\"b\",\"MAX_PER\"]],"
                + "\"healthChecks\":[{\"protocol\":\"SMTP\"}],\"env\":{\"N\":[1]}}",
            AppJson.class);
    assertThat(AppJsonConverter.toModel(json, PathId.ROOT).violations())
        .extracting(v -> v.path())
        .containsExactlyInAnyOrder(
            "/killSelection", "/constraints(1)", "/healthChecks(0)/protocol", "/env/N");
  }
}
