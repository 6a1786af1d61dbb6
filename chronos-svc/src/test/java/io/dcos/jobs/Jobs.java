package io.dcos.jobs;

import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Job specs for tests. */
public final class Jobs {
  private Jobs() {}

  public static RunSpec command(String cmd, RestartPolicy restart) {
    return new RunSpec(
        cmd,
        List.of(),
        true,
        0.1,
        32,
        0,
        "",
        Map.of(),
        List.of(),
        null,
        List.of(),
        restart,
        Duration.ZERO,
        List.of(),
        RunSpec.DEFAULT_MAX_LAUNCH_DELAY);
  }

  public static ScheduleSpec cron(String expr, ConcurrencyPolicy policy) {
    return new ScheduleSpec(
        "default", ScheduleSpec.Kind.CRON, expr, "UTC", Duration.ofSeconds(60), policy, true);
  }

  public static ScheduleSpec iso(String expr, ConcurrencyPolicy policy, Duration deadline) {
    return new ScheduleSpec("default", ScheduleSpec.Kind.ISO8601, expr, "", deadline, policy, true);
  }

  public static JobSpec scheduled(String id, ScheduleSpec schedule, RestartPolicy restart) {
    return new JobSpec(
        id, "", Map.of(), List.of(schedule), List.of(), command("true", restart), false, "", "");
  }

  public static JobSpec dependent(String id, boolean softError, String... parents) {
    return new JobSpec(
        id,
        "",
        Map.of(),
        List.of(),
        List.of(parents),
        command("true", RestartPolicy.NEVER),
        softError,
        "",
        "");
  }
}
