package io.dcos.marathon.server.metrics;

import io.dcos.marathon.server.events.InProcessEventBus;
import io.dcos.marathon.server.store.GroupRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Gauges of the service's own state: apps, and event stream subscribers. */
@Component
public class MarathonMetrics {
  public MarathonMetrics(MeterRegistry registry, GroupRepository groups, InProcessEventBus bus) {
    Gauge.builder("marathon.apps.active", groups, g -> g.cachedAppCount())
        .description("apps in the current tree")
        .register(registry);
    Gauge.builder("marathon.http.event-streams.active", bus, InProcessEventBus::subscribers)
        .description("event bus subscribers, SSE clients included")
        .register(registry);
  }
}
