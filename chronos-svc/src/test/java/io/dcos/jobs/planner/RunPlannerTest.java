package io.dcos.jobs.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlannerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static RunPlanner at(Instant now, int disableAfter) {
    return new RunPlanner(Clock.fixed(now, ZoneOffset.UTC), disableAfter);
  }

  static JobRun run(JobSpec job, Instant created, int attempts) {
    List<TaskRecord> tasks = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      tasks.add(new TaskRecord("t" + i, "r", i, "", "", "TASK_FAILED", created, null, null, ""));
    }
    return new JobRun(
        "r", job.id(), created, RunTrigger.SCHEDULE, RunStatus.ACTIVE, created, null, "", tasks);
  }

  FireDecision due(JobSpec job, Instant armed, Instant now, List<JobRun> active) throws Exception {
    ScheduleSpec s = job.schedules().get(0);
    return at(now, 0).onDue(job, s, Schedules.parse(s), armed, JobCounters.empty(job.id()), active);
  }

  @Test
  void anOnTimeDueLaunchesAndArmsTheNextOne() throws Exception {
    JobSpec job =
        Jobs.scheduled(
            "every-second",
            Jobs.iso("R/2026-01-01T00:00:00Z/PT1S", ConcurrencyPolicy.ALLOW, Duration.ofSeconds(5)),
            RestartPolicy.NEVER);
    FireDecision d = due(job, T0.plusSeconds(3), T0.plusMillis(3_004), List.of());
    assertThat(d.launchFor()).containsExactly(T0.plusSeconds(3));
    assertThat(d.nextDue()).contains(T0.plusSeconds(4));
  }

  @Test
  void afterDowntimeEveryDueTimeWithinTheDeadlineRunsOnce() throws Exception {
    JobSpec job =
        Jobs.scheduled(
            "minutely",
            Jobs.iso(
                "R/2026-01-01T00:00:00Z/PT1M", ConcurrencyPolicy.ALLOW, Duration.ofSeconds(150)),
            RestartPolicy.NEVER);
    // Armed for 00:01, down until 00:10:20: 00:08, 00:09 and 00:10 are within 150 s, run.
    FireDecision d = due(job, T0.plusSeconds(60), T0.plusSeconds(620), List.of());
    assertThat(d.launchFor())
        .containsExactly(T0.plusSeconds(480), T0.plusSeconds(540), T0.plusSeconds(600));
    assertThat(d.skipReason()).contains("missed the starting deadline");
    assertThat(d.nextDue()).contains(T0.plusSeconds(660));
    // On time: just the armed one.
    FireDecision onTime = due(job, T0.plusSeconds(60), T0.plusMillis(60_020), List.of());
    assertThat(onTime.launchFor()).containsExactly(T0.plusSeconds(60));
    assertThat(onTime.skipReason()).isEmpty();
    // Everything too late: nothing runs, the next due time is armed.
    JobSpec strict =
        Jobs.scheduled(
            "strict",
            Jobs.iso(
                "R/2026-01-01T00:00:00Z/PT1M", ConcurrencyPolicy.ALLOW, Duration.ofSeconds(10)),
            RestartPolicy.NEVER);
    FireDecision late = due(strict, T0.plusSeconds(60), T0.plusSeconds(640), List.of());
    assertThat(late.launches()).isFalse();
    assertThat(late.nextDue()).contains(T0.plusSeconds(660));
  }

  @Test
  void aTimerFiringAheadOfTimeStillStartsTheArmedRun() throws Exception {
    JobSpec job =
        Jobs.scheduled(
            "early",
            Jobs.iso(
                "R/2026-01-01T00:00:00Z/PT1M", ConcurrencyPolicy.ALLOW, Duration.ofSeconds(30)),
            RestartPolicy.NEVER);
    FireDecision d = due(job, T0.plusSeconds(60), T0.plusMillis(59_200), List.of());
    assertThat(d.launchFor()).containsExactly(T0.plusSeconds(60));
    assertThat(d.nextDue()).contains(T0.plusSeconds(120));
  }

  @Test
  void forbidCatchesUpWithOneRunOnly() throws Exception {
    JobSpec job =
        Jobs.scheduled(
            "f1",
            Jobs.iso(
                "R/2026-01-01T00:00:00Z/PT1S", ConcurrencyPolicy.FORBID, Duration.ofSeconds(60)),
            RestartPolicy.NEVER);
    FireDecision d = due(job, T0.plusSeconds(1), T0.plusMillis(5_500), List.of());
    assertThat(d.launchFor()).containsExactly(T0.plusSeconds(5));
    assertThat(d.nextDue()).contains(T0.plusSeconds(6));
  }

  @Test
  void forbidSkipsWhileARunIsActiveAndAllowDoesNot() throws Exception {
    JobSpec forbid =
        Jobs.scheduled("f", Jobs.cron("* * * * *", ConcurrencyPolicy.FORBID), RestartPolicy.NEVER);
    JobSpec allow =
        Jobs.scheduled("a", Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW), RestartPolicy.NEVER);
    Instant due = T0.plusSeconds(60);
    List<JobRun> active = List.of(run(forbid, T0, 1));
    assertThat(due(forbid, due, due, active).skipReason())
        .isEqualTo("a previous run is still active");
    assertThat(due(allow, due, due, active).launchFor()).containsExactly(due);
  }

  @Test
  void disabledJobsAndSchedulesDoNotFire() throws Exception {
    JobSpec job =
        Jobs.scheduled("d", Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW), RestartPolicy.NEVER);
    ScheduleSpec s = job.schedules().get(0);
    Instant due = T0.plusSeconds(60);
    FireDecision off =
        at(due, 0)
            .onDue(
                job,
                s,
                Schedules.parse(s),
                due,
                JobCounters.empty("d").withDisabled(true),
                List.of());
    assertThat(off.skipReason()).isEqualTo("disabled");
    assertThat(off.nextDue()).contains(due.plusSeconds(60));
    FireDecision paused =
        at(due, 0)
            .onDue(
                job,
                s.withEnabled(false),
                Schedules.parse(s),
                due,
                JobCounters.empty("d"),
                List.of());
    assertThat(paused.launches()).isFalse();
  }

  @Test
  void chronosRetriesThenFails() {
    JobSpec job =
        Jobs.scheduled(
            "r",
            Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW),
            RestartPolicy.retries(2, Duration.ofSeconds(1)));
    RunPlanner p = at(T0, 0);
    assertThat(p.onTaskEnded(job, run(job, T0, 1), false, false).relaunch()).isTrue();
    assertThat(p.onTaskEnded(job, run(job, T0, 2), false, false).relaunch()).isTrue();
    TaskEndDecision last = p.onTaskEnded(job, run(job, T0, 3), false, false);
    assertThat(last.relaunch()).isFalse();
    assertThat(last.finalStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(p.onTaskEnded(job, run(job, T0, 1), true, false).finalStatus())
        .isEqualTo(RunStatus.SUCCESS);
    assertThat(p.onTaskEnded(job, run(job, T0, 1), false, true).relaunch())
        .as("a stopped run is not retried")
        .isFalse();
  }

  @Test
  void onFailureRetriesUntilTheActiveDeadline() {
    JobSpec job =
        Jobs.scheduled(
            "m",
            Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW),
            RestartPolicy.onFailure(Duration.ofSeconds(60), Duration.ofSeconds(5)));
    assertThat(at(T0.plusSeconds(50), 0).onTaskEnded(job, run(job, T0, 7), false, false).relaunch())
        .isTrue();
    assertThat(at(T0.plusSeconds(56), 0).onTaskEnded(job, run(job, T0, 8), false, false).relaunch())
        .isFalse();
  }

  @Test
  void failuresCountAndDisableAfterTheLimitAndSuccessResets() {
    JobSpec job =
        Jobs.scheduled("c", Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW), RestartPolicy.NEVER);
    RunPlanner p = at(T0, 3);
    JobCounters c = JobCounters.empty("c");
    RunOutcome o = p.onRunFinished(job, c, RunStatus.FAILED);
    o = p.onRunFinished(job, o.counters(), RunStatus.FAILED);
    assertThat(o.disabledNow()).isFalse();
    assertThat(o.fireDependents()).isFalse();
    o = p.onRunFinished(job, o.counters(), RunStatus.FAILED);
    assertThat(o.disabledNow()).isTrue();
    assertThat(o.counters().disabled()).isTrue();
    assertThat(o.counters().failureCount()).isEqualTo(3);
    assertThat(o.counters().lastFailureAt()).isEqualTo(T0);
    RunOutcome ok = p.onRunFinished(job, o.counters().withDisabled(false), RunStatus.SUCCESS);
    assertThat(ok.counters().errorsSinceLastSuccess()).isZero();
    assertThat(ok.counters().successCount()).isEqualTo(1);
    assertThat(ok.fireDependents()).isTrue();
    assertThat(ok.counters().lastDependencyMark()).isEqualTo(T0);
  }

  @Test
  void softErrorLetsDependentsFireAfterAFailure() {
    JobSpec soft = Jobs.dependent("s", true, "x");
    RunOutcome o = at(T0, 0).onRunFinished(soft, JobCounters.empty("s"), RunStatus.FAILED);
    assertThat(o.fireDependents()).isTrue();
    assertThat(o.counters().lastDependencyMark()).isEqualTo(T0);
  }
}
