package io.dcos.identity.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's health from the checks of every component instance: per component (worst of its
 * instances) and per node (worst of its components). A pure function of the check results.
 */
public record HealthReport(List<Unit> units, List<Node> nodes) {

  /** One check result. */
  public record Check(String component, String node, String role, ComponentStatus status) {}

  /** A component on all its nodes. */
  public record Unit(String id, ComponentStatus status, List<Check> nodes) {}

  /** A node with all its components. */
  public record Node(String hostIp, String role, ComponentStatus status, List<Check> units) {}

  public static HealthReport of(List<Check> checks) {
    Map<String, List<Check>> byUnit = new LinkedHashMap<>();
    Map<String, List<Check>> byNode = new LinkedHashMap<>();
    for (Check c : checks) {
      byUnit.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c);
      byNode.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
    }
    List<Unit> units =
        byUnit.entrySet().stream()
            .map(e -> new Unit(e.getKey(), worst(e.getValue()), List.copyOf(e.getValue())))
            .toList();
    List<Node> nodes =
        byNode.entrySet().stream()
            .map(
                e ->
                    new Node(
                        e.getKey(),
                        e.getValue().get(0).role(),
                        worst(e.getValue()),
                        List.copyOf(e.getValue())))
            .toList();
    return new HealthReport(units, nodes);
  }

  private static ComponentStatus worst(List<Check> checks) {
    return checks.stream().map(Check::status).reduce(ComponentStatus.UP, ComponentStatus::worst);
  }
}
