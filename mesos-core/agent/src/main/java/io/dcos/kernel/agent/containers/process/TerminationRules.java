package io.dcos.kernel.agent.containers.process;

import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.Termination.Reason;
import java.util.Optional;

/**
 * How a process container ended, decided from what is known once its wrapper is gone. Pure. An OOM
 * kill wins over everything (the task did not choose to end), then a kill by the agent, then the
 * recorded exit status; with none of these the container is LOST.
 */
public final class TerminationRules {
  /** 128 + SIGKILL, what a shell reports for a process ended by SIGKILL. */
  public static final int SIGKILL_STATUS = 137;

  private TerminationRules() {}

  public static Termination decide(
      Optional<Integer> exitStatus, boolean killRequested, boolean sigkillSent, boolean oomKilled) {
    if (oomKilled) {
      return new Termination(
          exitStatus.orElse(SIGKILL_STATUS),
          Reason.MEMORY_LIMIT,
          "the task exceeded its memory limit and was killed by the OOM killer");
    }
    if (killRequested) {
      Integer status = exitStatus.orElse(sigkillSent ? SIGKILL_STATUS : null);
      return new Termination(
          status,
          Reason.KILLED,
          sigkillSent && exitStatus.isEmpty()
              ? "killed: SIGKILL after the grace period"
              : "killed: ended after SIGTERM");
    }
    if (exitStatus.isPresent()) {
      int status = exitStatus.get();
      return new Termination(status, Reason.EXITED, describe(status));
    }
    return new Termination(null, Reason.LOST, "the task's process is gone and left no exit status");
  }

  static String describe(int status) {
    return status > 128 && status < 128 + 65
        ? "terminated by signal " + (status - 128)
        : "exited with status " + status;
  }
}
