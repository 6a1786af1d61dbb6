package io.dcos.kernel.master.http;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mesos's {@code /metrics/snapshot}: one flat JSON object of the master's metrics. */
@RestController
public class MetricsController {
  private final LeadingMaster master;

  public MetricsController(LeadingMaster master) {
    this.master = master;
  }

  @GetMapping("/metrics/snapshot")
  public Map<String, Double> snapshot() {
    return master.metrics();
  }
}
