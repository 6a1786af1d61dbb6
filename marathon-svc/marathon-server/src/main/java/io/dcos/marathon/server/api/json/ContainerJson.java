package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** An app's container in Marathon's v2 JSON, with the Docker part and the 1.4 legacy fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerJson(
    String type, DockerJson docker, List<PortMappingJson> portMappings, List<VolumeJson> volumes) {

  /** The image and how Docker runs it; {@code network} and {@code portMappings} are legacy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DockerJson(
      String image,
      Boolean forcePullImage,
      Boolean privileged,
      List<ParameterJson> parameters,
      String network,
      List<PortMappingJson> portMappings) {}

  /** A {@code --key=value} Docker parameter. */
  public record ParameterJson(String key, String value) {}

  /** A container port and how it is exposed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PortMappingJson(
      Integer containerPort,
      Integer hostPort,
      Integer servicePort,
      String protocol,
      String name,
      Map<String, String> labels,
      List<String> networkNames) {}

  /** A host or persistent volume. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VolumeJson(
      String containerPath, String hostPath, String mode, PersistentJson persistent) {}

  /** A local persistent volume's size in MiB. */
  public record PersistentJson(Long size) {}
}
