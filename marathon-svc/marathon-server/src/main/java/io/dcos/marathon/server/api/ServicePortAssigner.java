package io.dcos.marathon.server.api;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.validation.Violation;
import io.dcos.marathon.server.store.UsedServicePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives service port 0 a free port from 10000 up before an app is stored, as Marathon does. The
 * used ports come from the store's index, so an app costs the ports it asks for, not a scan of
 * every app.
 */
final class ServicePortAssigner {
  private ServicePortAssigner() {}

  /** {@code app} with its zero service ports assigned, avoiding those of the other apps. */
  static AppDefinition assign(AppDefinition app, UsedServicePorts.Allocation used) {
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      List<PortMapping> mappings = app.container().portMappings();
      List<Integer> ports =
          assign(app, mappings.stream().map(PortMapping::servicePort).toList(), used);
      List<PortMapping> out = new ArrayList<>();
      for (int i = 0; i < mappings.size(); i++) {
        PortMapping m = mappings.get(i);
        out.add(
            new PortMapping(
                m.containerPort(),
                m.hostPort(),
                ports.get(i),
                m.protocol(),
                m.name(),
                m.labels(),
                m.networkNames()));
      }
      Container c = app.container();
      return app.toBuilder()
          .container(new Container(c.type(), c.docker(), out, c.volumes()))
          .build();
    }
    List<PortDefinition> defs = app.portDefinitions();
    List<Integer> ports = assign(app, defs.stream().map(PortDefinition::port).toList(), used);
    List<PortDefinition> out = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      PortDefinition p = defs.get(i);
      out.add(new PortDefinition(ports.get(i), p.protocol(), p.name(), p.labels()));
    }
    return app.toBuilder().portDefinitions(out).build();
  }

  private static List<Integer> assign(
      AppDefinition app, List<Integer> requested, UsedServicePorts.Allocation used) {
    Optional<List<Integer>> ports = used.assign(app.id(), requested);
    if (ports.isEmpty()) {
      throw ApiException.invalid(
          List.of(new Violation("/portDefinitions", "No free service ports are left")));
    }
    return ports.get();
  }
}
