package io.dcos.marathon.core.model;

import java.util.List;
import java.util.Map;

/**
 * A container port exposed on the host ({@code hostPort} set, 0 = any offered port) and as a
 * service port. {@code hostPort} is null on container networks that do not map to the host.
 */
public record PortMapping(
    int containerPort,
    Integer hostPort,
    int servicePort,
    String protocol,
    String name,
    Map<String, String> labels,
    List<String> networkNames) {
  public PortMapping {
    protocol = protocol == null ? "tcp" : protocol;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    networkNames = networkNames == null ? List.of() : List.copyOf(networkNames);
  }
}
