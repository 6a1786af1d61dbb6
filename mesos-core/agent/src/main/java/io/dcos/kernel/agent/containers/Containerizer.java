package io.dcos.kernel.agent.containers;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs tasks in containers of one kind (processes, Docker). Implementations survive an agent
 * restart: what {@link Container#checkpoint()} returns is written to the agent's work dir, and
 * {@link #recover} re-attaches to a container from it after the agent starts again.
 */
public interface Containerizer {

  /** Which launches this containerizer takes (for example only tasks with a Docker image). */
  boolean supports(LaunchSpec spec);

  /** Starts the task; the returned container is running or has already ended. */
  Container launch(LaunchSpec spec) throws ContainerException;

  /**
   * Re-attaches to a container after an agent restart. Empty when the checkpoint is not of this
   * kind; otherwise a container whose {@link Container#termination()} completes when (or because)
   * it is no longer running.
   */
  Optional<Container> recover(ContainerCheckpoint checkpoint);

  /**
   * Stops the container: a polite signal (SIGTERM) first, then after {@code gracePeriod} a forced
   * kill of everything it started. Returns at once; {@link Container#termination()} completes.
   */
  void kill(Container container, Duration gracePeriod);

  /**
   * Removes what an ended container left on this machine for its recovery. Called once the task's
   * terminal status is acknowledged; containers of another kind are ignored.
   */
  default void forget(ContainerCheckpoint checkpoint) {}
}
