package io.dcos.kernel.agent.containers;

/**
 * How a container ended. {@code exitStatus} is the process's exit code, or 128+signal when a signal
 * ended it, or null when unknown (for example lost while the agent was down).
 */
public record Termination(Integer exitStatus, Reason reason, String message) {
  /** Why the container ended, mapped by the agent onto task states and reasons. */
  public enum Reason {
    EXITED,
    KILLED,
    MEMORY_LIMIT,
    LAUNCH_FAILED,
    LOST
  }

  public boolean succeeded() {
    return reason == Reason.EXITED && exitStatus != null && exitStatus == 0;
  }
}
