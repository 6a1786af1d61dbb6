package io.dcos.marathon.core.model;

import java.util.Map;

/**
 * A port of an app on the host network. {@code port} is the service port; 0 asks for one to be
 * assigned from 10000 up.
 */
public record PortDefinition(int port, String protocol, String name, Map<String, String> labels) {
  public PortDefinition {
    protocol = protocol == null ? "tcp" : protocol;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Marathon's default port definition when an app declares none. */
  public static PortDefinition defaultPort() {
    return new PortDefinition(0, "tcp", "default", Map.of());
  }
}
