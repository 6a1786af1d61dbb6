package io.dcos.kernel.agent.health;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.protocol.HealthCheck;
import io.dcos.kernel.protocol.TaskInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs all of a task's checks ({@code health_check} and its {@code additional_health_checks})
 * beside it, each on its own schedule, and reports their combined health.
 */
public final class TaskHealthChecks implements AutoCloseable {
  /** Hears the task's combined health, whether it must be killed, and a message saying why. */
  @FunctionalInterface
  public interface Listener {
    void health(boolean healthy, boolean killRequested, String message);
  }

  private final List<HealthCheckRunner> runners = new ArrayList<>();

  private TaskHealthChecks() {}

  /** Starts every check of the task; the task started at the clock's now. */
  public static TaskHealthChecks start(
      TaskInfo task,
      Container container,
      String host,
      ScheduledExecutorService scheduler,
      Clock clock,
      Listener listener) {
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(task.getHealthCheck());
    checks.addAll(task.getAdditionalHealthChecksList());
    CombinedHealth combined = new CombinedHealth(checks.size());
    TaskHealthChecks watch = new TaskHealthChecks();
    for (int i = 0; i < checks.size(); i++) {
      int index = i;
      HealthCheck check = checks.get(i);
      String name = checks.size() == 1 ? "health check" : "health check " + (i + 1);
      watch.runners.add(
          HealthCheckRunner.start(
              HealthCheckPolicy.from(check),
              HealthCheckers.forTask(check, container, host),
              scheduler,
              clock,
              (healthy, kill) -> {
                HealthDecision decision = combined.onReport(index, healthy, kill);
                if (decision.report()) {
                  listener.health(
                      decision.healthy(),
                      decision.kill(),
                      healthy
                          ? "health checks passed"
                          : name + " failed" + (kill ? " too many times in a row" : ""));
                }
              }));
    }
    return watch;
  }

  @Override
  public void close() {
    runners.forEach(HealthCheckRunner::stop);
  }
}
