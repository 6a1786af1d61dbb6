package io.dcos.kernel.simulator.tasks;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one simulated task behaves on its agent.
 *
 * @param startDelay time from launch until the task reports it started
 * @param reportStarting whether TASK_STARTING goes before TASK_RUNNING
 * @param runFor how long it runs before it exits by itself; empty runs until killed
 * @param exit how it exits after {@code runFor}
 * @param vanish the task never reports anything and ignores kills, like a hung executor
 * @param killDelay time between TASK_KILLING and TASK_KILLED when killed
 */
public record TaskBehaviour(
    Duration startDelay,
    boolean reportStarting,
    Optional<Duration> runFor,
    Exit exit,
    boolean vanish,
    Duration killDelay) {
  /** The terminal state a task reaches on its own. */
  public enum Exit {
    FINISH,
    FAIL
  }

  public TaskBehaviour {
    Objects.requireNonNull(startDelay, "startDelay");
    Objects.requireNonNull(runFor, "runFor");
    Objects.requireNonNull(exit, "exit");
    Objects.requireNonNull(killDelay, "killDelay");
    if (startDelay.isNegative()
        || killDelay.isNegative()
        || runFor.map(Duration::isNegative).orElse(false)) {
      throw new IllegalArgumentException("task behaviour delays must not be negative");
    }
  }

  /** Starts at once (STARTING, RUNNING) and runs until killed. */
  public static TaskBehaviour runUntilKilled() {
    return new TaskBehaviour(
        Duration.ZERO, true, Optional.empty(), Exit.FINISH, false, Duration.ZERO);
  }

  /** Starts at once, runs for {@code d}, then TASK_FINISHED. */
  public static TaskBehaviour finishAfter(Duration d) {
    return runUntilKilled().withRunFor(d, Exit.FINISH);
  }

  /** Starts at once, runs for {@code d}, then TASK_FAILED. */
  public static TaskBehaviour failAfter(Duration d) {
    return runUntilKilled().withRunFor(d, Exit.FAIL);
  }

  /** Never reports anything. */
  public static TaskBehaviour vanishing() {
    return new TaskBehaviour(
        Duration.ZERO, false, Optional.empty(), Exit.FINISH, true, Duration.ZERO);
  }

  public TaskBehaviour withRunFor(Duration d, Exit how) {
    return new TaskBehaviour(startDelay, reportStarting, Optional.of(d), how, vanish, killDelay);
  }

  public TaskBehaviour withStartDelay(Duration d) {
    return new TaskBehaviour(d, reportStarting, runFor, exit, vanish, killDelay);
  }

  public TaskBehaviour withReportStarting(boolean report) {
    return new TaskBehaviour(startDelay, report, runFor, exit, vanish, killDelay);
  }

  public TaskBehaviour withKillDelay(Duration d) {
    return new TaskBehaviour(startDelay, reportStarting, runFor, exit, vanish, d);
  }

  public TaskBehaviour withVanish(boolean v) {
    return new TaskBehaviour(startDelay, reportStarting, runFor, exit, v, killDelay);
  }
}
