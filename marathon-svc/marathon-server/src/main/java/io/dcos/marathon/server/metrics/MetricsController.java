package io.dcos.marathon.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /metrics} (JSON by meter kind) and {@code /metrics/prometheus} (text exposition). */
@RestController
public class MetricsController {
  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;

  public MetricsController(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
  }

  @GetMapping("/metrics")
  Map<String, Object> json() {
    Map<String, Object> counters = new TreeMap<>();
    Map<String, Object> gauges = new TreeMap<>();
    Map<String, Object> timers = new TreeMap<>();
    for (Meter meter : registry.getMeters()) {
      String name = name(meter.getId());
      if (meter instanceof Counter c) {
        counters.put(name, Map.of("count", c.count()));
      } else if (meter instanceof FunctionCounter c) {
        counters.put(name, Map.of("count", c.count()));
      } else if (meter instanceof TimeGauge g) {
        gauges.put(name, Map.of("value", g.value(TimeUnit.SECONDS)));
      } else if (meter instanceof Gauge g) {
        gauges.put(name, Map.of("value", g.value()));
      } else if (meter instanceof Timer t) {
        timers.put(
            name,
            Map.of(
                "count", t.count(),
                "mean", t.mean(TimeUnit.SECONDS),
                "max", t.max(TimeUnit.SECONDS)));
      }
    }
    return Map.of("version", "4.0.0", "counters", counters, "gauges", gauges, "timers", timers);
  }

  @GetMapping(value = "/metrics/prometheus", produces = "text/plain;version=0.0.4;charset=utf-8")
  String prometheus() {
    return prometheus.scrape();
  }

  private static String name(Meter.Id id) {
    if (id.getTags().isEmpty()) {
      return id.getName();
    }
    return id.getName()
        + id.getTags().stream().map(Tag::getValue).collect(Collectors.joining(".", ".", ""));
  }
}
