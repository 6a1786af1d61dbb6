package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A readiness check in Marathon's v2 JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadinessCheckJson(
    String name,
    String protocol,
    String path,
    String portName,
    Long intervalSeconds,
    Long timeoutSeconds,
    List<Integer> httpStatusCodesForReady,
    Boolean preserveLastResponse) {}
