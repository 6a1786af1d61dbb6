package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A health check in Marathon's v2 JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthCheckJson(
    String protocol,
    String path,
    Integer portIndex,
    Integer port,
    CommandJson command,
    Long gracePeriodSeconds,
    Long intervalSeconds,
    Long timeoutSeconds,
    Integer maxConsecutiveFailures,
    Long delaySeconds,
    Boolean ignoreHttp1xx) {

  /** {@code {"value": "..."}} of a COMMAND check. */
  public record CommandJson(String value) {}
}
