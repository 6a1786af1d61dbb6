package io.dcos.kernel.agent.containers;

import java.util.concurrent.CompletableFuture;

/** A running (or ended) task container. Invariant: termination completes exactly once. */
public interface Container {
  String containerId();

  /** What the agent checkpoints so it can re-attach after a restart. */
  ContainerCheckpoint checkpoint();

  /** Completes when the container has ended, with how it ended. */
  CompletableFuture<Termination> termination();

  /**
   * Runs a command inside the container's environment (same sandbox, env and, for Docker, the
   * container itself) for command health checks; returns the exit status.
   */
  int exec(String shellCommand, java.time.Duration timeout) throws ContainerException;
}
