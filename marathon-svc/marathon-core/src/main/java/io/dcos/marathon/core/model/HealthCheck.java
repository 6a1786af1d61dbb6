package io.dcos.marathon.core.model;

import java.time.Duration;

/**
 * A health check the agents run for each task. The port is {@code portIndex} into the task's ports,
 * or a fixed {@code port}; COMMAND checks use {@code command} instead.
 */
public record HealthCheck(
    HealthCheckProtocol protocol,
    String path,
    Integer portIndex,
    Integer port,
    String command,
    Duration gracePeriod,
    Duration interval,
    Duration timeout,
    int maxConsecutiveFailures,
    Duration delay,
    boolean ignoreHttp1xx) {

  /** An HTTP check on the first port with Marathon's defaults. */
  public static HealthCheck http(String path) {
    return new HealthCheck(
        HealthCheckProtocol.HTTP,
        path,
        0,
        null,
        null,
        Duration.ofSeconds(300),
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        3,
        Duration.ofSeconds(15),
        false);
  }

  /** The protocols of Marathon health checks. */
  public enum HealthCheckProtocol {
    HTTP,
    HTTPS,
    TCP,
    COMMAND,
    MESOS_HTTP,
    MESOS_HTTPS,
    MESOS_TCP;

    /** True for protocols that probe a port. */
    public boolean needsPort() {
      return this != COMMAND;
    }
  }
}
