package io.dcos.marathon.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dcos.marathon.server.api.json.AppJson;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.util.List;

/**
 * An app as the API shows it: its definition with the status fields next to it. Serialized straight
 * to the response, so large app lists are never built as JSON trees.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppStatusJson(
    @JsonUnwrapped AppJson app,
    int tasksStaged,
    int tasksRunning,
    int tasksHealthy,
    int tasksUnhealthy,
    List<ErrorBodies.DeploymentRef> deployments,
    List<TaskJson> tasks,
    List<ServiceScheduler.ReadinessResult> readinessCheckResults,
    LastTaskFailureJson lastTaskFailure,
    TaskStatsJson taskStats) {}
