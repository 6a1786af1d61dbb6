package io.dcos.kernel.agent.containers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A container that never started: it has already ended with LAUNCH_FAILED and the reason. */
public final class FailedLaunch implements Container {
  private final String containerId;
  private final Path sandbox;
  private final CompletableFuture<Termination> termination;

  public FailedLaunch(String containerId, Path sandbox, String reason) {
    this.containerId = containerId;
    this.sandbox = sandbox;
    this.termination =
        CompletableFuture.completedFuture(
            new Termination(null, Termination.Reason.LAUNCH_FAILED, reason));
  }

  @Override
  public String containerId() {
    return containerId;
  }

  @Override
  public ContainerCheckpoint checkpoint() {
    return new ContainerCheckpoint("failed", containerId, sandbox, Map.of());
  }

  @Override
  public CompletableFuture<Termination> termination() {
    return termination;
  }

  @Override
  public int exec(String shellCommand, Duration timeout) throws ContainerException {
    throw new ContainerException("container " + containerId + " never started");
  }
}
