package io.dcos.kernel.agent.containers.docker;

import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.Termination.Reason;

/** How a Docker container ended, from {@code docker wait} and {@code docker inspect}. Pure. */
public final class DockerTerminations {
  private DockerTerminations() {}

  public static Termination decide(Integer exitCode, boolean oomKilled, boolean killRequested) {
    if (oomKilled) {
      return new Termination(
          exitCode, Reason.MEMORY_LIMIT, "the container exceeded its memory limit (OOMKilled)");
    }
    if (killRequested) {
      return new Termination(exitCode, Reason.KILLED, "killed: docker stop");
    }
    if (exitCode == null) {
      return new Termination(null, Reason.LOST, "the container is gone and its exit is unknown");
    }
    return new Termination(exitCode, Reason.EXITED, "exited with status " + exitCode);
  }
}
