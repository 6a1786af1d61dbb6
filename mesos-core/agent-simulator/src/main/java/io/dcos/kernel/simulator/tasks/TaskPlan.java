package io.dcos.kernel.simulator.tasks;

import io.dcos.kernel.protocol.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The states a simulated task goes through, as data: each step waits its delay after the previous
 * one, then the task reports the step's state. Pure.
 */
public final class TaskPlan {
  /** Report {@code state} {@code delay} after the previous step. */
  public record Step(Duration delay, TaskState state) {}

  private TaskPlan() {}

  /** The steps after launch; empty for a vanishing task. */
  public static List<Step> launch(TaskBehaviour b) {
    List<Step> steps = new ArrayList<>();
    if (b.vanish()) {
      return steps;
    }
    Duration wait = b.startDelay();
    if (b.reportStarting()) {
      steps.add(new Step(wait, TaskState.TASK_STARTING));
      wait = Duration.ZERO;
    }
    steps.add(new Step(wait, TaskState.TASK_RUNNING));
    b.runFor()
        .ifPresent(
            d ->
                steps.add(
                    new Step(
                        d,
                        b.exit() == TaskBehaviour.Exit.FINISH
                            ? TaskState.TASK_FINISHED
                            : TaskState.TASK_FAILED)));
    return steps;
  }

  /**
   * The steps after a kill: TASK_KILLING first when the framework understands it, then TASK_KILLED
   * after the kill delay. Empty for a vanishing task.
   */
  public static List<Step> kill(TaskBehaviour b, boolean frameworkKnowsKilling) {
    List<Step> steps = new ArrayList<>();
    if (b.vanish()) {
      return steps;
    }
    if (frameworkKnowsKilling) {
      steps.add(new Step(Duration.ZERO, TaskState.TASK_KILLING));
    }
    steps.add(new Step(b.killDelay(), TaskState.TASK_KILLED));
    return steps;
  }
}
