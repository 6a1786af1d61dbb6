package io.dcos.jobs.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunDeadlinesTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  static RunSpec spec(Duration maxRunTime, Duration maxLaunchDelay) {
    RunSpec r = Jobs.command("sleep 60", RestartPolicy.NEVER);
    return new RunSpec(
        r.cmd(),
        r.args(),
        r.shell(),
        r.cpus(),
        r.mem(),
        r.disk(),
        r.user(),
        r.env(),
        r.artifacts(),
        r.docker(),
        r.constraints(),
        r.restart(),
        maxRunTime,
        r.volumes(),
        maxLaunchDelay);
  }

  static JobRun run(Instant due, Instant created, RunStatus status, TaskRecord... tasks) {
    return new JobRun(
        "r1", "job", due, RunTrigger.SCHEDULE, status, created, null, "", List.of(tasks));
  }

  static TaskRecord task(Instant launched, Instant started) {
    return new TaskRecord("t1", "r1", 0, "a1", "host", "TASK_RUNNING", launched, started, null, "");
  }

  @Test
  void aRunNeverLaunchedFailsOnceItsLaunchDelayPassedSinceItWasDue() {
    RunSpec s = spec(Duration.ZERO, Duration.ofSeconds(60));
    JobRun waiting = run(T0, T0.minusSeconds(10), RunStatus.INITIAL);
    assertThat(RunDeadlines.overdue(waiting, s, T0.plusSeconds(60))).isEmpty();
    assertThat(RunDeadlines.overdue(waiting, s, T0.plusSeconds(61)))
        .contains("not running within maxLaunchDelay of 60 s");
  }

  @Test
  void aLateRunCountsItsLaunchDelayFromItsClaimNotFromAnOldDueTime() {
    RunSpec s = spec(Duration.ZERO, Duration.ofSeconds(60));
    // Caught up after downtime: due ten minutes ago, claimed now.
    JobRun late = run(T0.minusSeconds(600), T0, RunStatus.INITIAL);
    assertThat(RunDeadlines.overdue(late, s, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void aTaskThatReachedRunningSatisfiesTheLaunchDelay() {
    RunSpec s = spec(Duration.ZERO, Duration.ofSeconds(60));
    JobRun running = run(T0, T0, RunStatus.ACTIVE, task(T0, T0.plusSeconds(1)));
    assertThat(RunDeadlines.overdue(running, s, T0.plusSeconds(3600))).isEmpty();
    JobRun staging = run(T0, T0, RunStatus.STARTING, task(T0, null));
    assertThat(RunDeadlines.overdue(staging, s, T0.plusSeconds(61))).isPresent();
  }

  @Test
  void aRunStillGoingAfterItsMaxRunTimeSinceItsFirstLaunchIsOverdue() {
    RunSpec s = spec(Duration.ofMillis(1500), Duration.ofSeconds(3600));
    JobRun running = run(T0, T0, RunStatus.ACTIVE, task(T0.plusSeconds(1), T0.plusSeconds(2)));
    assertThat(RunDeadlines.overdue(running, s, T0.plusMillis(2500))).isEmpty();
    assertThat(RunDeadlines.overdue(running, s, T0.plusMillis(2501)))
        .contains("still running after maxCompletionTime of 1500 ms");
  }

  @Test
  void noLimitsAndFinishedRunsAreNeverOverdue() {
    RunSpec none = spec(Duration.ZERO, Duration.ZERO);
    JobRun old = run(T0, T0, RunStatus.INITIAL);
    assertThat(RunDeadlines.overdue(old, none, T0.plus(Duration.ofDays(30)))).isEmpty();
    RunSpec tight = spec(Duration.ofMillis(1), Duration.ofSeconds(1));
    JobRun done = run(T0, T0, RunStatus.FAILED, task(T0, null));
    assertThat(RunDeadlines.overdue(done, tight, T0.plusSeconds(100))).isEmpty();
  }
}
