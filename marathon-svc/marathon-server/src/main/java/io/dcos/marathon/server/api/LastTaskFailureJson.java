package io.dcos.marathon.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcos.marathon.server.store.TaskFailureRepository.TaskFailure;

/** Marathon's {@code lastTaskFailure}: the status update that ended the app's last failed task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastTaskFailureJson(
    String appId,
    String host,
    String message,
    String state,
    String taskId,
    String timestamp,
    String version,
    String slaveId) {

  public static LastTaskFailureJson of(TaskFailure f) {
    return new LastTaskFailureJson(
        f.appId(),
        f.host(),
        f.message(),
        f.state(),
        f.taskId(),
        f.timestamp().toString(),
        f.version().toString(),
        f.slaveId());
  }
}
