package io.dcos.kernel.agent.health;

/**
 * What one check result means for the task: whether the agent sends a status update carrying {@code
 * healthy}, and whether it must now kill the task.
 */
public record HealthDecision(
    boolean report, boolean healthy, boolean kill, int consecutiveFailures) {}
