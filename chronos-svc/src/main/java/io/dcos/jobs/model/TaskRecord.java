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
    String message) {}
