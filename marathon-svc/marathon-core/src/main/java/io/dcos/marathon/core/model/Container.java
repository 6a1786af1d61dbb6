package io.dcos.marathon.core.model;

import java.util.List;

/**
 * The container an app's tasks run in: a Docker container, or the Mesos containerizer (with or
 * without an image).
 */
public record Container(
    ContainerType type, DockerSpec docker, List<PortMapping> portMappings, List<Volume> volumes) {
  public Container {
    portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
  }

  /** Which containerizer runs the task. */
  public enum ContainerType {
    DOCKER,
    MESOS
  }
}
