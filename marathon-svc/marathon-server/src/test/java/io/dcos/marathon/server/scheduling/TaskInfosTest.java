package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.Environment;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.Value;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.placement.Constraint;
import io.dcos.marathon.core.placement.ConstraintOperator;
import io.dcos.marathon.core.placement.MatchResult;
import io.dcos.marathon.core.placement.OfferMatcher;
import io.dcos.marathon.core.placement.OfferView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** From a kernel offer to the kernel task: conversion, matching and the task's environment. */
class TaskInfosTest {
  private static final Instant V = Instant.parse("2026-01-01T00:00:00Z");

  private static Resource scalar(String name, double v, String role) {
    Resource.Builder r =
        Resource.newBuilder()
            .setName(name)
            .setType(Value.Type.SCALAR)
            .setScalar(Value.Scalar.newBuilder().setValue(v));
    if (role != null) {
      r.addReservations(
          Resource.ReservationInfo.newBuilder()
              .setType(Resource.ReservationInfo.Type.STATIC)
              .setRole(role));
    }
    return r.build();
  }

  private static Offer offer() {
    return Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue("o1"))
        .setAgentId(AgentID.newBuilder().setValue("agent-1"))
        .setHostname("127.4.100.9")
        .addResources(scalar("cpus", 2, null))
        .addResources(scalar("mem", 1024, null))
        .addResources(scalar("cpus", 1, "web"))
        .addResources(
            Resource.newBuilder()
                .setName("ports")
                .setType(Value.Type.RANGES)
                .setRanges(
                    Value.Ranges.newBuilder()
                        .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(31005))))
        .addAllAttributes(AttributeText.parse("rack:r1;cores:8"))
        .build();
  }

  @Test
  void offerViewKeepsRolesAttributesAndPorts() {
    OfferView view = OfferViews.of(offer());
    assertThat(view.pools()).hasSize(2);
    assertThat(view.attributes()).containsEntry("rack", "r1").containsEntry("cores", "8");
    assertThat(view.pools().get(0).ports()).hasSize(1);
  }

  @Test
  void taskCarriesTheMatchedResourcesEnvironmentAndHealthCheck() {
    AppDefinition app =
        AppDefinition.builder(PathId.parse("/shop/web"))
            .cmd("serve")
            .cpus(1.5)
            .mem(64)
            .role("web")
            .portDefinitions(
                List.of(
                    new PortDefinition(10001, "tcp", "http", Map.of()),
                    new PortDefinition(10002, "tcp", null, Map.of())))
            .labels(Map.of("tier", "front"))
            .constraints(List.of(Constraint.of("rack", ConstraintOperator.IS, "r1")))
            .healthChecks(
                List.of(
                    HealthCheck.http("/health"),
                    new HealthCheck(
                        HealthCheck.HealthCheckProtocol.TCP,
                        null,
                        1,
                        null,
                        null,
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(20),
                        5,
                        Duration.ofSeconds(15),
                        false)))
            .versionInfo(VersionInfo.initial(V))
            .build();
    OfferView view = OfferViews.of(offer());
    MatchResult.Match match =
        (MatchResult.Match) OfferMatcher.match(view, ResourceRequests.of(app, "*"), List.of());
    Instance instance =
        Instance.provisioned(
            InstanceId.of(app.id(), new UUID(0, 1)), V, view.place(), match.hostPorts(), V);
    TaskInfo task = TaskInfos.build(app, instance, offer(), match.takes());

    assertThat(task.getTaskId().getValue()).isEqualTo(instance.taskId());
    assertThat(task.getName()).isEqualTo("web.shop");
    assertThat(task.getDiscovery().getName()).isEqualTo("web.shop");
    // 1 cpu from the app's role, 0.5 unreserved; reservations kept.
    assertThat(task.getResourcesList())
        .filteredOn(r -> r.getName().equals("cpus"))
        .extracting(r -> r.getScalar().getValue(), r -> r.getReservationsCount())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1.0, 1),
            org.assertj.core.groups.Tuple.tuple(0.5, 0));
    Map<String, String> env =
        task.getCommand().getEnvironment().getVariablesList().stream()
            .collect(
                Collectors.toMap(Environment.Variable::getName, Environment.Variable::getValue));
    assertThat(env)
        .containsEntry("PORT0", "31000")
        .containsEntry("PORT1", "31001")
        .containsEntry("PORTS", "31000,31001")
        .containsEntry("PORT_HTTP", "31000")
        .containsEntry("PORT_10001", "31000")
        .containsEntry("HOST", "127.4.100.9")
        .containsEntry("MARATHON_APP_ID", "/shop/web")
        .containsEntry("MARATHON_APP_VERSION", V.toString())
        .containsEntry("MARATHON_APP_RESOURCE_CPUS", "1.5")
        .containsEntry("MARATHON_APP_LABELS", "tier")
        .containsEntry("MARATHON_APP_LABEL_TIER", "front");
    assertThat(task.getHealthCheck().getHttp().getPort()).isEqualTo(31000);
    assertThat(task.getHealthCheck().getHttp().getPath()).isEqualTo("/health");
    assertThat(task.getHealthCheck().getConsecutiveFailures()).isEqualTo(3);
    assertThat(task.getAdditionalHealthChecksList())
        .as("every further health check goes to the agent too")
        .singleElement()
        .satisfies(
            tcp -> {
              assertThat(tcp.getTcp().getPort()).isEqualTo(31001);
              assertThat(tcp.getConsecutiveFailures()).isEqualTo(5);
            });
  }

  @Test
  void requirePortsAsksForTheServicePortsThemselves() {
    AppDefinition app =
        AppDefinition.builder(PathId.parse("/a"))
            .cmd("x")
            .requirePorts(true)
            .portDefinitions(List.of(new PortDefinition(31004, "tcp", null, Map.of())))
            .build();
    assertThat(ResourceRequests.hostPorts(app)).containsExactly(31004);
    assertThat(ResourceRequests.acceptedRoles(app, "*")).containsExactly("*");
  }
}
