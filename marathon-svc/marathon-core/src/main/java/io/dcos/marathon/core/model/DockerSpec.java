package io.dcos.marathon.core.model;

import java.util.List;

/** The image part of a container: which image and how to run it. */
public record DockerSpec(
    String image, boolean forcePullImage, boolean privileged, List<Parameter> parameters) {
  public DockerSpec {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  public static DockerSpec of(String image) {
    return new DockerSpec(image, false, false, List.of());
  }
}
