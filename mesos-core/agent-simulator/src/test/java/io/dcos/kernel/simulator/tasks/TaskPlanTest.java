package io.dcos.kernel.simulator.tasks;

import static io.dcos.kernel.protocol.TaskState.TASK_FAILED;
import static io.dcos.kernel.protocol.TaskState.TASK_FINISHED;
import static io.dcos.kernel.protocol.TaskState.TASK_KILLED;
import static io.dcos.kernel.protocol.TaskState.TASK_KILLING;
import static io.dcos.kernel.protocol.TaskState.TASK_RUNNING;
import static io.dcos.kernel.protocol.TaskState.TASK_STARTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskPlanTest {
  @Test
  void startingThenRunningAfterTheStartDelay() {
    var steps =
        TaskPlan.launch(TaskBehaviour.runUntilKilled().withStartDelay(Duration.ofMillis(40)));
    assertThat(steps)
        .containsExactly(
            new TaskPlan.Step(Duration.ofMillis(40), TASK_STARTING),
            new TaskPlan.Step(Duration.ZERO, TASK_RUNNING));
  }

  @Test
  void finiteTasksEndWithTheirExit() {
    assertThat(
            TaskPlan.launch(
                TaskBehaviour.finishAfter(Duration.ofSeconds(2)).withReportStarting(false)))
        .containsExactly(
            new TaskPlan.Step(Duration.ZERO, TASK_RUNNING),
            new TaskPlan.Step(Duration.ofSeconds(2), TASK_FINISHED));
    assertThat(TaskPlan.launch(TaskBehaviour.failAfter(Duration.ofSeconds(1))))
        .extracting(TaskPlan.Step::state)
        .containsExactly(TASK_STARTING, TASK_RUNNING, TASK_FAILED);
  }

  @Test
  void killingIsOnlyForFrameworksThatKnowIt() {
    TaskBehaviour b = TaskBehaviour.runUntilKilled().withKillDelay(Duration.ofMillis(300));
    assertThat(TaskPlan.kill(b, true))
        .containsExactly(
            new TaskPlan.Step(Duration.ZERO, TASK_KILLING),
            new TaskPlan.Step(Duration.ofMillis(300), TASK_KILLED));
    assertThat(TaskPlan.kill(b, false))
        .extracting(TaskPlan.Step::state)
        .containsExactly(TASK_KILLED);
  }

  @Test
  void vanishingTasksNeverReport() {
    assertThat(TaskPlan.launch(TaskBehaviour.vanishing())).isEmpty();
    assertThat(TaskPlan.kill(TaskBehaviour.vanishing(), true)).isEmpty();
  }
}
