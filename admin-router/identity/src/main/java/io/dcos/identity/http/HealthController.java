package io.dcos.identity.http;

import io.dcos.identity.health.ComponentStatus;
import io.dcos.identity.health.HealthChecker;
import io.dcos.identity.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /system/health/v1}: every component of every node, {@code up}, {@code unhealthy} or {@code
 * down} ({@code health} 0, 1, 2), by unit and by node.
 */
@RestController
public class HealthController {
  private final HealthChecker checker;

  public HealthController(HealthChecker checker) {
    this.checker = checker;
  }

  @GetMapping({"/system/health/v1", "/system/health/v1/units"})
  public Map<String, Object> units() {
    HealthReport report = checker.check();
    return Map.of(
        "units",
        report.units().stream()
            .map(
                u ->
                    view(
                        "id", u.id(),
                        "health", u.status().code(),
                        "status", status(u.status()),
                        "nodes", u.nodes().stream().map(HealthController::check).toList()))
            .toList());
  }

  @GetMapping("/system/health/v1/nodes")
  public Map<String, Object> nodes() {
    HealthReport report = checker.check();
    return Map.of(
        "nodes",
        report.nodes().stream()
            .map(
                n ->
                    view(
                        "host_ip", n.hostIp(),
                        "role", n.role(),
                        "health", n.status().code(),
                        "status", status(n.status()),
                        "units", n.units().stream().map(HealthController::check).toList()))
            .toList());
  }

  private static Map<String, Object> check(HealthReport.Check c) {
    return view(
        "id", c.component(),
        "host_ip", c.node(),
        "role", c.role(),
        "health", c.status().code(),
        "status", status(c.status()));
  }

  private static String status(ComponentStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> view(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
