package io.dcos.kernel.agent.containers.docker;

import java.time.Duration;

/**
 * Settings of the Docker containerizer.
 *
 * @param namePrefix prefix of container names, followed by the container id (Mesos: {@code mesos-})
 * @param pullTimeout longest wait for an image pull before the launch fails
 * @param logDrainTimeout how long to wait, after the container ended, for its last log bytes
 */
public record DockerContainerizerConfig(
    String namePrefix, Duration pullTimeout, Duration logDrainTimeout) {

  public static DockerContainerizerConfig defaults() {
    return new DockerContainerizerConfig("mesos-", Duration.ofMinutes(10), Duration.ofSeconds(10));
  }
}
