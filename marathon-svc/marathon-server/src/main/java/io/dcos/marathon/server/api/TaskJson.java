package io.dcos.marathon.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import java.util.List;

/** A task in Marathon's JSON, the view of an instance's current task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskJson(
    String id,
    String appId,
    String host,
    List<Integer> ports,
    List<Integer> servicePorts,
    String slaveId,
    String state,
    String stagedAt,
    String startedAt,
    String version,
    List<IpAddress> ipAddresses,
    List<HealthCheckResult> healthCheckResults,
    List<Object> localVolumes) {

  /** An address of the task. */
  public record IpAddress(String ipAddress, String protocol) {}

  /** The agent-reported health of the task. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record HealthCheckResult(
      boolean alive,
      int consecutiveFailures,
      String firstSuccess,
      String lastSuccess,
      String lastFailure,
      String lastFailureCause,
      String instanceId,
      String taskId) {}

  /** The JSON of {@code instance}; {@code app} gives the service ports (may be null). */
  public static TaskJson of(Instance instance, AppDefinition app) {
    return of(instance, instance.appId().toString(), servicePorts(app));
  }

  /** The JSON of {@code instance} with its app's id text and service ports computed once. */
  public static TaskJson of(Instance instance, String appId, List<Integer> servicePorts) {
    List<HealthCheckResult> health =
        instance.healthy() == null
            ? List.of()
            : List.of(
                new HealthCheckResult(
                    instance.healthy(),
                    instance.healthy() ? 0 : 1,
                    null,
                    null,
                    null,
                    null,
                    instance.id().toString(),
                    instance.taskId()));
    return new TaskJson(
        instance.taskId(),
        appId,
        instance.agent().hostname(),
        instance.hostPorts(),
        servicePorts,
        instance.agent().agentId(),
        instance.condition().taskState(),
        instance.stagedAt().toString(),
        instance.startedAt() == null ? null : instance.startedAt().toString(),
        instance.appVersion().toString(),
        List.of(new IpAddress(instance.agent().hostname(), "IPv4")),
        health,
        List.of());
  }

  /** The service ports of an app: of its port mappings, or of its port definitions. */
  public static List<Integer> servicePorts(AppDefinition app) {
    if (app == null) {
      return List.of();
    }
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      return app.container().portMappings().stream().map(PortMapping::servicePort).toList();
    }
    return app.portDefinitions().stream().map(PortDefinition::port).toList();
  }
}
