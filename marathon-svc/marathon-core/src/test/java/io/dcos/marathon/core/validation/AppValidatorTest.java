package io.dcos.marathon.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.DockerSpec;
import io.dcos.marathon.core.model.EnvVarValue;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.Network;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.model.UpgradeStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppValidatorTest {
  private static AppDefinition.Builder app(String id) {
    return AppDefinition.builder(PathId.parse(id)).cmd("sleep 10");
  }

  private static List<String> paths(List<Violation> violations) {
    return violations.stream().map(Violation::path).toList();
  }

  @Test
  void aPlainCommandAppIsValid() {
    assertThat(AppValidator.validate(app("/prod/web-1").build())).isEmpty();
  }

  @Test
  void idSegmentsMustBeLowerCaseDnsLabels() {
    assertThat(paths(AppValidator.validate(app("/Prod/web").build()))).containsExactly("/id");
    assertThat(paths(AppValidator.validate(app("/prod/-web").build()))).containsExactly("/id");
    assertThat(AppValidator.validate(AppDefinition.builder(PathId.ROOT).cmd("x").build()))
        .extracting(Violation::message)
        .containsExactly("Path must contain at least one path element");
  }

  @Test
  void resourcesAndCountsMustNotBeNegative() {
    List<Violation> v =
        AppValidator.validate(app("/a").cpus(-1).mem(-1).disk(-1).instances(-1).gpus(-1).build());
    assertThat(paths(v)).containsExactlyInAnyOrder("/cpus", "/mem", "/disk", "/instances", "/gpus");
    assertThat(v.get(0).message()).startsWith("got -");
  }

  @Test
  void cmdAndArgsAreExclusiveAndOneOfThemOrAContainerIsNeeded() {
    assertThat(paths(AppValidator.validate(app("/a").args(List.of("x")).build())))
        .containsExactly("/");
    assertThat(paths(AppValidator.validate(app("/a").cmd(null).build()))).containsExactly("/");
    AppDefinition docker =
        app("/a")
            .cmd(null)
            .container(
                new Container(Container.ContainerType.DOCKER, DockerSpec.of("nginx"), null, null))
            .build();
    assertThat(AppValidator.validate(docker)).isEmpty();
  }

  @Test
  void dockerNeedsAnImage() {
    AppDefinition a =
        app("/a")
            .container(new Container(Container.ContainerType.DOCKER, DockerSpec.of(""), null, null))
            .build();
    assertThat(paths(AppValidator.validate(a))).containsExactly("/container/docker/image");
  }

  @Test
  void upgradeStrategyFractionsStayInZeroToOne() {
    List<Violation> v =
        AppValidator.validate(app("/a").upgradeStrategy(new UpgradeStrategy(1.5, -0.1)).build());
    assertThat(v)
        .containsExactlyInAnyOrder(
            new Violation("/upgradeStrategy/minimumHealthCapacity", "is greater than 1"),
            new Violation("/upgradeStrategy/maximumOverCapacity", "is less than 0"));
  }

  @Test
  void healthChecksMustAddressAnExistingPort() {
    HealthCheck onSecondPort = HealthCheck.http("/health");
    onSecondPort =
        new HealthCheck(
            onSecondPort.protocol(),
            "/",
            1,
            null,
            null,
            onSecondPort.gracePeriod(),
            onSecondPort.interval(),
            onSecondPort.timeout(),
            3,
            onSecondPort.delay(),
            false);
    assertThat(paths(AppValidator.validate(app("/a").healthChecks(List.of(onSecondPort)).build())))
        .containsExactly("/healthChecks(0)/portIndex");
    assertThat(
            AppValidator.validate(app("/a").healthChecks(List.of(HealthCheck.http("/"))).build()))
        .isEmpty();
  }

  @Test
  void portNamesMustBeUniqueAndSecretsDefined() {
    AppDefinition a =
        app("/a")
            .portDefinitions(
                List.of(
                    new PortDefinition(0, "tcp", "http", null),
                    new PortDefinition(0, "tcp", "http", null)))
            .env(Map.of("PASSWORD", new EnvVarValue.SecretRef("db")))
            .build();
    assertThat(AppValidator.validate(a))
        .containsExactlyInAnyOrder(
            new Violation("/portDefinitions", "Port names must be unique."),
            new Violation("/env/PASSWORD", "references an undefined secret named 'db'"));
  }

  @Test
  void portMappingsNeedAContainerNetwork() {
    Container c =
        new Container(
            Container.ContainerType.DOCKER,
            DockerSpec.of("nginx"),
            List.of(new PortMapping(80, 0, 0, "tcp", "http", null, null)),
            null);
    assertThat(
            paths(AppValidator.validate(app("/a").container(c).portDefinitions(List.of()).build())))
        .containsExactly("/container/portMappings");
    AppDefinition bridged =
        app("/a")
            .container(c)
            .portDefinitions(List.of())
            .networks(List.of(new Network(Network.NetworkMode.CONTAINER_BRIDGE, null, null)))
            .build();
    assertThat(AppValidator.validate(bridged)).isEmpty();
  }

  @Test
  void groupViolationsCarryTheAppIndex() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Group g =
        new Group(
            PathId.parse("/g"),
            Map.of(
                PathId.parse("/g/a"), app("/g/a").build(),
                PathId.parse("/g/b"), app("/g/b").cpus(-1).build()),
            Map.of(),
            null,
            false,
            t);
    assertThat(paths(GroupValidator.validate(g))).containsExactly("/apps(1)/cpus");
  }
}
