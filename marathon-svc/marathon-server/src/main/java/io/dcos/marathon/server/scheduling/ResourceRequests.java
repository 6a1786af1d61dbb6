package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.placement.ResourceRequest;
import io.dcos.marathon.core.placement.RolePool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one instance of an app asks from an offer: its resources, host ports (from port mappings of
 * a container, else from port definitions: the service port itself with {@code requirePorts}, any
 * port otherwise), roles and constraints.
 */
final class ResourceRequests {
  private ResourceRequests() {}

  static ResourceRequest of(AppDefinition app, String defaultRole) {
    return new ResourceRequest(
        app.cpus(),
        app.mem(),
        app.disk(),
        app.gpus(),
        hostPorts(app),
        acceptedRoles(app, defaultRole),
        app.constraints());
  }

  static List<Integer> hostPorts(AppDefinition app) {
    List<Integer> out = new ArrayList<>();
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      for (PortMapping m : app.container().portMappings()) {
        if (m.hostPort() != null) {
          out.add(m.hostPort());
        }
      }
      return out;
    }
    for (PortDefinition p : app.portDefinitions()) {
      out.add(app.requirePorts() ? p.port() : 0);
    }
    return out;
  }

  /** The port names in the order of {@link #hostPorts}; null where a port has no name. */
  static List<String> portNames(AppDefinition app) {
    List<String> out = new ArrayList<>();
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      app.container().portMappings().stream()
          .filter(m -> m.hostPort() != null)
          .forEach(m -> out.add(m.name()));
      return out;
    }
    app.portDefinitions().forEach(p -> out.add(p.name()));
    return out;
  }

  /** The service ports in the order of {@link #hostPorts}. */
  static List<Integer> servicePorts(AppDefinition app) {
    List<Integer> out = new ArrayList<>();
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      app.container().portMappings().stream()
          .filter(m -> m.hostPort() != null)
          .forEach(m -> out.add(m.servicePort()));
      return out;
    }
    app.portDefinitions().forEach(p -> out.add(p.port()));
    return out;
  }

  /**
   * The app's accepted roles; by default unreserved resources and those of the app's role (or the
   * framework's).
   */
  static Set<String> acceptedRoles(AppDefinition app, String defaultRole) {
    if (!app.acceptedResourceRoles().isEmpty()) {
      return app.acceptedResourceRoles();
    }
    Set<String> roles = new HashSet<>();
    roles.add(RolePool.UNRESERVED);
    roles.add(app.role() != null ? app.role() : defaultRole);
    return roles;
  }
}
