package io.dcos.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.RunRepository.LiveTaskUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskUpdateBatchTest {
  static final Instant DUE = Instant.parse("2026-01-01T02:00:00Z");
  static final Instant NOW = DUE.plusMillis(300);

  static TaskRecord task(String id, String run, String state, Instant startedAt) {
    return new TaskRecord(id, run, 0, "agent-1", "host-1", state, DUE, startedAt, null, "");
  }

  static JobRun run(String id, RunTrigger trigger) {
    return new JobRun(id, "nightly", DUE, trigger, RunStatus.STARTING, DUE, null, "", List.of());
  }

  static TaskUpdate update(String task, String state, boolean running, boolean terminal) {
    return new TaskUpdate(task, "agent-1", state, running, terminal, false, false, "");
  }

  @Test
  void sortsLiveStatesFinalStatesRedeliveriesAndUnknownTasks() {
    Map<String, TaskRecord> tasks =
        Map.of(
            "t-sched", task("t-sched", "r-sched", "TASK_STAGING", null),
            "t-manual", task("t-manual", "r-manual", "TASK_STAGING", null),
            "t-again", task("t-again", "r-again", "TASK_RUNNING", DUE),
            "t-ends", task("t-ends", "r-ends", "TASK_RUNNING", DUE),
            "t-done", task("t-done", "r-done", "TASK_FINISHED", DUE));
    Map<String, JobRun> runs =
        Map.of(
            "r-sched", run("r-sched", RunTrigger.SCHEDULE),
            "r-manual", run("r-manual", RunTrigger.MANUAL),
            "r-again", run("r-again", RunTrigger.SCHEDULE),
            "r-ends", run("r-ends", RunTrigger.SCHEDULE),
            "r-done", run("r-done", RunTrigger.SCHEDULE));
    TaskUpdateBatch batch =
        TaskUpdateBatch.sort(
            List.of(
                update("t-sched", "TASK_RUNNING", true, false),
                update("t-manual", "TASK_RUNNING", true, false),
                update("t-again", "TASK_RUNNING", true, false),
                update("t-ends", "TASK_FINISHED", false, true),
                update("t-done", "TASK_FINISHED", false, true),
                update("t-stray", "TASK_RUNNING", true, false),
                update("t-stray-end", "TASK_FAILED", false, true)),
            tasks,
            runs,
            NOW);

    assertThat(batch.live())
        .extracting(LiveTaskUpdate::taskId)
        .containsExactly("t-sched", "t-manual", "t-again");
    assertThat(batch.live()).allMatch(u -> NOW.equals(u.startedAt()));
    assertThat(batch.startedRuns()).containsExactly("r-sched", "r-manual", "r-again");
    // Only a scheduled run's first start counts for fire lateness.
    assertThat(batch.startedDue()).containsExactly(DUE);
    assertThat(batch.ends()).extracting(TaskUpdate::taskId).containsExactly("t-ends");
    // The final update of a task already final is a redelivery; a live unknown task is killed.
    assertThat(batch.unknownLive()).extracting(TaskUpdate::taskId).containsExactly("t-stray");
    assertThat(batch.writesNothing()).isFalse();
  }

  @Test
  void aBatchOfRedeliveriesWritesNothing() {
    TaskUpdateBatch batch =
        TaskUpdateBatch.sort(
            List.of(update("t-done", "TASK_FINISHED", false, true)),
            Map.of("t-done", task("t-done", "r-done", "TASK_FINISHED", DUE)),
            Map.of("r-done", run("r-done", RunTrigger.SCHEDULE)),
            NOW);
    assertThat(batch.writesNothing()).isTrue();
  }
}
