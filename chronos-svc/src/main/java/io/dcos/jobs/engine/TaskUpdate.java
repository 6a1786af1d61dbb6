package io.dcos.jobs.engine;

/**
 * A task status from the kernel, reduced to what the engine needs.
 *
 * @param state the kernel's state name, for example {@code TASK_FINISHED}
 * @param neverRan the kernel does not know the task (reconciliation of a launch that never reached
 *     it), so the attempt does not count as a failure of the job
 */
public record TaskUpdate(
    String taskId,
    String agentId,
    String state,
    boolean running,
    boolean terminal,
    boolean succeeded,
    boolean neverRan,
    String message) {}
