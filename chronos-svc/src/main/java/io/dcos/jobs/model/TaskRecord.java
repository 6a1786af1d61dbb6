package io.dcos.jobs.model;

import java.time.Instant;

/**
 * One task launched for a run, as stored in the history: the kernel's task id and state, the agent
 * it ran on, and when it started and ended (null while unknown).
 *
 * @param state the kernel's task state name, for example {@code TASK_RUNNING}
 */
public record TaskRecord(
    String id,
    String runId,
    int attempt,
    String agentId,
    String hostname,
    String state,
    Instant launchedAt,
    Instant startedAt,
    Instant completedAt,
    String message) {

  /** Whether the task's state is final: it runs no more. */
  public boolean isFinal() {
    return isFinal(state);
  }

  /** Whether {@code state} (a kernel task state name) is final. */
  public static boolean isFinal(String state) {
    return switch (state) {
      case "TASK_FINISHED",
          "TASK_FAILED",
          "TASK_KILLED",
          "TASK_ERROR",
          "TASK_LOST",
          "TASK_DROPPED",
          "TASK_GONE",
          "TASK_GONE_BY_OPERATOR",
          "TASK_UNKNOWN" ->
          true;
      default -> false;
    };
  }
}
