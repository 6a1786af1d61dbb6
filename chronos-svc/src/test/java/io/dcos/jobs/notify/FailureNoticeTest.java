package io.dcos.jobs.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.engine.RunFailure;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureNoticeTest {
  static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  static RunFailure failure(String owner, boolean disabledNow) {
    JobSpec base =
        Jobs.scheduled(
            "etl",
            Jobs.iso(
                "R/2026-01-01T00:00:00Z/PT1H",
                io.dcos.jobs.model.ConcurrencyPolicy.FORBID,
                Duration.ofMinutes(5)),
            RestartPolicy.retries(2, Duration.ofSeconds(1)));
    JobSpec job =
        new JobSpec(
            base.id(),
            "",
            Map.of(),
            base.schedules(),
            List.of(),
            base.run(),
            true,
            owner,
            "Data team");
    JobRun run =
        new JobRun("r1", "etl", T, RunTrigger.SCHEDULE, RunStatus.FAILED, T, T, "", List.of());
    JobCounters c = new JobCounters("etl", disabledNow, 4, 3, 3, T.minusSeconds(3600), T, null, T);
    return new RunFailure(job, run, c, disabledNow, "ct:1:2:etl:", "TASK_FAILED", "exit 3");
  }

  @Test
  void aFailedRunIsPostedOncePerOwnerWithTheJobsFieldsAsText() {
    List<Map<String, String>> bodies =
        FailureNotice.bodies(failure("ops@example.com, dba@example.com", false), "prod");
    assertThat(bodies)
        .extracting(b -> b.get("to"))
        .containsExactly("ops@example.com", "dba@example.com");
    Map<String, String> b = bodies.get(0);
    assertThat(b.get("subject")).isEqualTo("[prod] [Chronos] job 'etl' failed!");
    assertThat(b)
        .containsEntry("job", "etl")
        .containsEntry("command", "true")
        .containsEntry("retries", "2")
        .containsEntry("softError", "true")
        .containsEntry("successCount", "4")
        .containsEntry("errorCount", "3")
        .containsEntry("errorsSinceLastSuccess", "3")
        .containsEntry("lastError", T.toString())
        .containsEntry("runId", "r1")
        .containsEntry("taskState", "TASK_FAILED")
        .containsEntry("disabled", "false");
    assertThat(b.get("message"))
        .contains("run r1 failed")
        .contains("TASK_FAILED")
        .contains("exit 3");
  }

  @Test
  void aDisablingFailureSaysSoAndWithoutOwnerOneBodyHasNoAddress() {
    List<Map<String, String>> bodies = FailureNotice.bodies(failure("", true), "");
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).doesNotContainKey("to").containsEntry("disabled", "true");
    assertThat(bodies.get(0).get("subject")).isEqualTo("[Chronos] job 'etl' disabled");
    assertThat(bodies.get(0).get("message")).contains("disabled after 3 failures in a row");
  }
}
