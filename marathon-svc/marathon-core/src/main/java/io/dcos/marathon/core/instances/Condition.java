package io.dcos.marathon.core.instances;

import java.util.Optional;

/**
 * The condition of an instance's task, Marathon's view of the kernel's task states. Invariant:
 * {@link #taskState()} is the kernel state name shown in task JSON ({@code TASK_RUNNING}, ...).
 */
public enum Condition {
  /** Accepted on an offer, not yet confirmed by the agent. */
  PROVISIONED("TASK_STAGING", false),
  STAGING("TASK_STAGING", false),
  STARTING("TASK_STARTING", false),
  RUNNING("TASK_RUNNING", false),
  KILLING("TASK_KILLING", false),
  FINISHED("TASK_FINISHED", true),
  FAILED("TASK_FAILED", true),
  KILLED("TASK_KILLED", true),
  ERROR("TASK_ERROR", true),
  DROPPED("TASK_DROPPED", true),
  GONE("TASK_GONE", true),
  GONE_BY_OPERATOR("TASK_GONE_BY_OPERATOR", true),
  LOST("TASK_LOST", true),
  UNKNOWN("TASK_UNKNOWN", true),
  /** The agent is unreachable; the instance still counts until {@code inactiveAfter}. */
  UNREACHABLE("TASK_UNREACHABLE", false),
  /**
   * Unreachable for longer than {@code inactiveAfter}: replaced, kept until {@code expungeAfter}.
   */
  UNREACHABLE_INACTIVE("TASK_UNREACHABLE", false);

  private final String taskState;
  private final boolean terminal;

  Condition(String taskState, boolean terminal) {
    this.taskState = taskState;
    this.terminal = terminal;
  }

  /** The kernel task state name. */
  public String taskState() {
    return taskState;
  }

  /** True when the task is gone for good. */
  public boolean terminal() {
    return terminal;
  }

  /** True while the instance counts towards the app's instances (not gone, not inactive). */
  public boolean active() {
    return !terminal && this != UNREACHABLE_INACTIVE;
  }

  /** The condition for a kernel task state name, e.g. {@code TASK_RUNNING}. */
  public static Optional<Condition> fromTaskState(String state) {
    return Optional.ofNullable(
        switch (state) {
          case "TASK_STAGING" -> STAGING;
          case "TASK_STARTING" -> STARTING;
          case "TASK_RUNNING" -> RUNNING;
          case "TASK_KILLING" -> KILLING;
          case "TASK_FINISHED" -> FINISHED;
          case "TASK_FAILED" -> FAILED;
          case "TASK_KILLED" -> KILLED;
          case "TASK_ERROR" -> ERROR;
          case "TASK_DROPPED" -> DROPPED;
          case "TASK_GONE" -> GONE;
          case "TASK_GONE_BY_OPERATOR" -> GONE_BY_OPERATOR;
          case "TASK_LOST" -> LOST;
          case "TASK_UNKNOWN" -> UNKNOWN;
          case "TASK_UNREACHABLE" -> UNREACHABLE;
          default -> null;
        });
  }
}
