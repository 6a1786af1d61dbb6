package io.dcos.kernel.master.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes the master's metrics to Micrometer, hence {@code /actuator/prometheus}, as gauges named
 * from Mesos's keys ({@code master/tasks_running} becomes {@code mesos_master_tasks_running}). One
 * scrape reads the master once: the snapshot is reused for a second. A standby reports NaN for the
 * leader-only gauges.
 */
@Component
public class PrometheusMetrics implements MeterBinder {
  private static final Duration REUSE = Duration.ofSeconds(1);

  private final LeadingMaster master;
  private final Clock clock;
  private Map<String, Double> last;
  private Instant takenAt;

  public PrometheusMetrics(LeadingMaster master, Clock clock) {
    this.master = master;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : MasterMetrics.LEADER_NAMES) {
      Gauge.builder(meterName(name), this, m -> m.value(name))
          .description("Mesos metric " + name)
          .register(registry);
    }
  }

  /** {@code master/tasks_running} becomes {@code mesos.master.tasks_running}. */
  static String meterName(String mesosName) {
    return "mesos." + mesosName.replace('/', '.');
  }

  private double value(String name) {
    return snapshot().getOrDefault(name, Double.NaN);
  }

  private synchronized Map<String, Double> snapshot() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(takenAt.plus(REUSE))) {
      last = master.metrics();
      takenAt = now;
    }
    return last;
  }
}
