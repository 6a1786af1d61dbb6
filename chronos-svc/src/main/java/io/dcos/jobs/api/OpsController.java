package io.dcos.jobs.api;

import io.dcos.jobs.engine.FireLateness;
import io.dcos.jobs.engine.JobCatalog;
import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.JobHistory;
import io.dcos.jobs.leader.LeaderView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operational endpoints shared by both APIs: ping, leader, info and metrics. */
@RestController
public class OpsController {
  private final LeaderView leadership;
  private final JobEngine engine;
  private final JobCatalog catalog;
  private final JobHistory history;
  private final FireLateness lateness;

  public OpsController(
      LeaderView leadership,
      JobEngine engine,
      JobCatalog catalog,
      JobHistory history,
      FireLateness lateness) {
    this.leadership = leadership;
    this.engine = engine;
    this.catalog = catalog;
    this.history = history;
    this.lateness = lateness;
  }

  @GetMapping(value = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
  public String ping() {
    return "pong";
  }

  @GetMapping("/leader")
  public Map<String, String> leader() {
    return Map.of("leader", leadership.leader().orElse(""));
  }

  @GetMapping("/info")
  public Map<String, Object> info() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "chronos-svc");
    m.put("version", "0.1.0");
    m.put("leader", leadership.leader().orElse(""));
    m.put("leading", engine.leading());
    return m;
  }

  @GetMapping({"/metrics", "/v1/metrics"})
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jobs", catalog.all().size());
    m.put("activeRuns", history.allActive().size());
    m.put("leading", engine.leading() ? 1 : 0);
    // How late the most recent scheduled runs reached the kernel, from their due time.
    m.put(
        "fireLateness",
        Map.of(
            "launchMillis", FireLateness.summary(lateness.launchedMillis()),
            "runningMillis", FireLateness.summary(lateness.runningMillis())));
    return m;
  }
}
