package io.dcos.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQueueTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  static final JobSpec JOB =
      Jobs.scheduled(
          "nightly", Jobs.cron("0 2 * * *", ConcurrencyPolicy.ALLOW), RestartPolicy.NEVER);

  final RunQueue queue = new RunQueue();

  static WaitingRun run(String id, Instant due) {
    return new WaitingRun(
        new JobRun(
            id, JOB.id(), due, RunTrigger.SCHEDULE, RunStatus.INITIAL, T, null, "", List.of()),
        JOB);
  }

  @Test
  void runsDueInTheSameSecondShareOneWakeUpAndBecomeReadyTogether() {
    assertThat(queue.hold(run("a", T.plusSeconds(5)), T.plusSeconds(5))).isTrue();
    assertThat(queue.hold(run("b", T.plusSeconds(5)), T.plusSeconds(5))).isFalse();
    assertThat(queue.hold(run("c", T.plusSeconds(6)), T.plusSeconds(6))).isTrue();

    assertThat(queue.hasReady()).isFalse();
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.promote(T.plusSeconds(4))).isZero();
    assertThat(queue.promote(T.plusSeconds(5))).isEqualTo(2);
    assertThat(queue.readyRuns()).extracting(WaitingRun::id).containsExactly("a", "b");
    assertThat(queue.promote(T.plusSeconds(10))).isEqualTo(1);
    assertThat(queue.readyRuns()).extracting(WaitingRun::id).containsExactly("a", "b", "c");
  }

  @Test
  void aRunWaitsInOnePlaceOnly() {
    queue.hold(run("a", T.plusSeconds(5)), T.plusSeconds(5));
    queue.ready(run("a", T.plusSeconds(5)));
    assertThat(queue.hold(run("a", T.plusSeconds(5)), T.plusSeconds(5))).isFalse();
    assertThat(queue.promote(T.plusSeconds(5))).isZero();
    assertThat(queue.readyRuns()).extracting(WaitingRun::id).containsExactly("a");
  }

  @Test
  void aRemovedRunIsForgottenWhetherDueOrNot() {
    queue.hold(run("ahead", T.plusSeconds(5)), T.plusSeconds(5));
    queue.ready(run("due", T));
    queue.remove("ahead");
    queue.remove("due");
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.promote(T.plusSeconds(5))).isZero();
    // A new run for the emptied due time arms a wake-up again.
    assertThat(queue.hold(run("again", T.plusSeconds(5)), T.plusSeconds(5))).isTrue();
  }
}
