package io.dcos.marathon.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.store.TaskFailureRepository.TaskFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFailureRecorderTest {
  static final Instant AT = Instant.parse("2026-11-22T10:00:05Z");

  static Events.StatusUpdateEvent update(String state) {
    return new Events.StatusUpdateEvent(
        "agent-1",
        "web_app.instance-1._app.1",
        state,
        "Command exited with status 1",
        "/web/app",
        "10.0.0.1",
        List.of(),
        List.of(31000),
        "2026-11-22T09:00:00Z",
        AT);
  }

  @Test
  void failedLostAndErrorUpdatesAreFailures() {
    assertThat(TaskFailureRecorder.failure(update("TASK_FAILED")))
        .contains(
            new TaskFailure(
                "/web/app",
                "web_app.instance-1._app.1",
                "TASK_FAILED",
                "Command exited with status 1",
                "10.0.0.1",
                "agent-1",
                Instant.parse("2026-11-22T09:00:00Z"),
                AT));
    assertThat(TaskFailureRecorder.failure(update("TASK_LOST"))).isPresent();
    assertThat(TaskFailureRecorder.failure(update("TASK_ERROR"))).isPresent();
  }

  @Test
  void runningFinishedAndKilledUpdatesAreNot() {
    assertThat(TaskFailureRecorder.failure(update("TASK_RUNNING"))).isEmpty();
    assertThat(TaskFailureRecorder.failure(update("TASK_FINISHED"))).isEmpty();
    assertThat(TaskFailureRecorder.failure(update("TASK_KILLED"))).isEmpty();
  }
}
