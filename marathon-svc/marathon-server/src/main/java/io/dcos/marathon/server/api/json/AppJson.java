package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An app in Marathon's v2 JSON. On input every field may be absent (null) and defaults apply in
 * {@link AppJsonConverter}; legacy fields ({@code ports}, {@code uris}) are accepted. On output the
 * converter fills every field; the status fields at the end are added by the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppJson(
    String id,
    String cmd,
    List<String> args,
    String user,
    Map<String, JsonNode> env,
    Map<String, SecretJson> secrets,
    Integer instances,
    Double cpus,
    Double mem,
    Double disk,
    Integer gpus,
    String executor,
    List<List<String>> constraints,
    List<String> uris,
    List<FetchJson> fetch,
    List<String> storeUrls,
    List<Integer> ports,
    List<PortDefinitionJson> portDefinitions,
    Boolean requirePorts,
    Long backoffSeconds,
    Double backoffFactor,
    Long maxLaunchDelaySeconds,
    ContainerJson container,
    List<HealthCheckJson> healthChecks,
    List<ReadinessCheckJson> readinessChecks,
    List<String> dependencies,
    UpgradeStrategyJson upgradeStrategy,
    Map<String, String> labels,
    List<String> acceptedResourceRoles,
    String role,
    String killSelection,
    JsonNode unreachableStrategy,
    Long taskKillGracePeriodSeconds,
    List<NetworkJson> networks,
    String version,
    VersionInfoJson versionInfo) {

  /** {@code {"source": ...}} of a secret. */
  public record SecretJson(String source) {}

  /** A fetched URI. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FetchJson(
      String uri, Boolean extract, Boolean executable, Boolean cache, String destPath) {}

  /** A host port definition. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PortDefinitionJson(
      Integer port, String protocol, String name, Map<String, String> labels) {}

  /** The rolling-upgrade capacity rules. */
  public record UpgradeStrategyJson(Double minimumHealthCapacity, Double maximumOverCapacity) {}

  /** A network the app joins. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NetworkJson(String mode, String name, Map<String, String> labels) {}

  /** When the app last changed, and how. */
  public record VersionInfoJson(String lastScalingAt, String lastConfigChangeAt) {}

  /** The {@code unreachableStrategy} object form. */
  public record UnreachableJson(Long inactiveAfterSeconds, Long expungeAfterSeconds) {}
}
