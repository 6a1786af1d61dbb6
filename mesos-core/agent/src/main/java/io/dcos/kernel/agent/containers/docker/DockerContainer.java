package io.dcos.kernel.agent.containers.docker;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.Termination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A task running in a Docker container, known by the engine's container id and its name. */
public final class DockerContainer implements Container {
  static final String KIND = "docker";

  private final String containerId;
  private final String dockerId;
  private final String name;
  private final Path sandbox;
  private final DockerContainerizer containerizer;
  private final CompletableFuture<Termination> termination = new CompletableFuture<>();
  volatile boolean killRequested;

  DockerContainer(
      String containerId,
      String dockerId,
      String name,
      Path sandbox,
      DockerContainerizer containerizer) {
    this.containerId = containerId;
    this.dockerId = dockerId;
    this.name = name;
    this.sandbox = sandbox;
    this.containerizer = containerizer;
  }

  @Override
  public String containerId() {
    return containerId;
  }

  /** The Docker engine's id of the container. */
  public String dockerId() {
    return dockerId;
  }

  public String name() {
    return name;
  }

  Path sandbox() {
    return sandbox;
  }

  @Override
  public ContainerCheckpoint checkpoint() {
    return new ContainerCheckpoint(
        KIND, containerId, sandbox, Map.of("dockerId", dockerId, "name", name));
  }

  @Override
  public CompletableFuture<Termination> termination() {
    return termination;
  }

  /** Runs {@code /bin/sh -c shellCommand} inside the container through {@code docker exec}. */
  @Override
  public int exec(String shellCommand, Duration timeout) throws ContainerException {
    return containerizer.exec(this, shellCommand, timeout);
  }

  @Override
  public String toString() {
    return "docker container " + name + " (" + dockerId + ")";
  }
}
