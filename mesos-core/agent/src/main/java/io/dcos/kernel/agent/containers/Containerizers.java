package io.dcos.kernel.agent.containers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's containerizers as one: a launch goes to the first that supports the spec (list the
 * Docker containerizer before the process one), a recovery to the one whose kind the checkpoint
 * names, and a kill to the one that launched or recovered the container.
 */
public final class Containerizers implements Containerizer {
  private final List<Containerizer> containerizers;
  private final Map<Container, Containerizer> owners = new ConcurrentHashMap<>();

  public Containerizers(List<Containerizer> containerizers) {
    this.containerizers = List.copyOf(containerizers);
  }

  @Override
  public boolean supports(LaunchSpec spec) {
    return containerizers.stream().anyMatch(c -> c.supports(spec));
  }

  @Override
  public Container launch(LaunchSpec spec) throws ContainerException {
    for (Containerizer containerizer : containerizers) {
      if (containerizer.supports(spec)) {
        return track(containerizer.launch(spec), containerizer);
      }
    }
    throw new ContainerException(
        "no containerizer on this agent runs task " + spec.task().getTaskId().getValue());
  }

  /**
   * Like {@link #launch}, but a launch that fails gives a container that has already ended with
   * {@link Termination.Reason#LAUNCH_FAILED} and the reason as its message, so the agent handles
   * every outcome through {@link Container#termination()}.
   */
  public Container launchOrFail(LaunchSpec spec) {
    try {
      return launch(spec);
    } catch (ContainerException e) {
      return new FailedLaunch(spec.containerId(), spec.sandbox(), e.getMessage());
    }
  }

  @Override
  public Optional<Container> recover(ContainerCheckpoint checkpoint) {
    for (Containerizer containerizer : containerizers) {
      Optional<Container> recovered = containerizer.recover(checkpoint);
      if (recovered.isPresent()) {
        return Optional.of(track(recovered.get(), containerizer));
      }
    }
    return Optional.empty();
  }

  @Override
  public void kill(Container container, Duration gracePeriod) {
    Containerizer owner = owners.get(container);
    if (owner != null) {
      owner.kill(container, gracePeriod);
    }
  }

  @Override
  public void forget(ContainerCheckpoint checkpoint) {
    containerizers.forEach(c -> c.forget(checkpoint));
  }

  private Container track(Container container, Containerizer owner) {
    owners.put(container, owner);
    container.termination().whenComplete((t, e) -> owners.remove(container));
    return container;
  }
}
