package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.RunRepository.LiveTaskUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of task updates sorted against the history before it is written: live states to write in
 * one statement, the runs they start, final states to settle one by one, and live tasks the history
 * does not know (to be killed). Updates for tasks already final are redeliveries and are dropped.
 *
 * @param startedDue due times of scheduled runs whose first task starts now (for fire lateness)
 */
record TaskUpdateBatch(
    List<LiveTaskUpdate> live,
    Set<String> startedRuns,
    List<Instant> startedDue,
    List<TaskUpdate> ends,
    List<TaskUpdate> unknownLive) {

  static TaskUpdateBatch sort(
      List<TaskUpdate> updates,
      Map<String, TaskRecord> tasks,
      Map<String, JobRun> runs,
      Instant now) {
    List<LiveTaskUpdate> live = new ArrayList<>();
    Set<String> started = new LinkedHashSet<>();
    List<Instant> startedDue = new ArrayList<>();
    List<TaskUpdate> ends = new ArrayList<>();
    List<TaskUpdate> unknown = new ArrayList<>();
    for (TaskUpdate u : updates) {
      TaskRecord task = tasks.get(u.taskId());
      if (task == null) {
        if (!u.terminal()) {
          unknown.add(u);
        }
        continue;
      }
      JobRun run = runs.get(task.runId());
      if (run == null || task.isFinal()) {
        continue;
      }
      if (u.terminal()) {
        ends.add(u);
        continue;
      }
      live.add(new LiveTaskUpdate(u.taskId(), u.state(), u.running() ? now : null, u.message()));
      if (u.running() && started.add(run.id())) {
        if (task.startedAt() == null && run.trigger() == RunTrigger.SCHEDULE) {
          startedDue.add(run.dueAt());
        }
      }
    }
    return new TaskUpdateBatch(live, started, startedDue, ends, unknown);
  }

  /** Whether nothing is to be written. */
  boolean writesNothing() {
    return live.isEmpty() && ends.isEmpty();
  }
}
