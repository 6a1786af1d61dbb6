package io.dcos.kernel.master.core;

import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.HealthCheck;
import io.dcos.kernel.protocol.TaskInfo;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a task of a LAUNCH or LAUNCH_GROUP against the offers it uses. Pure: returns the reason a
 * task is invalid, or empty when it may be launched.
 */
final class TaskValidator {
  private static final Pattern TASK_ID = Pattern.compile("[^\\s/\\\\]{1,255}");

  private TaskValidator() {}

  static Optional<String> validate(
      TaskInfo task,
      String agentId,
      Predicate<String> isLiveTask,
      Resources available,
      boolean group) {
    String id = task.getTaskId().getValue();
    if (!TASK_ID.matcher(id).matches()) {
      return Optional.of(
          "task_id '" + id + "' must be 1-255 characters without whitespace or slashes");
    }
    if (isLiveTask.test(id)) {
      return Optional.of("task_id '" + id + "' is already used by a live task of this framework");
    }
    if (!task.getAgentId().getValue().equals(agentId)) {
      return Optional.of(
          "task "
              + id
              + " names agent_id '"
              + task.getAgentId().getValue()
              + "' but the offers are for agent '"
              + agentId
              + "'");
    }
    if (group && task.hasExecutor()) {
      return Optional.of("task " + id + " of a task group must not set executor");
    }
    if (!group && !task.hasCommand() && !task.hasExecutor()) {
      return Optional.of("task " + id + " must set either command or executor");
    }
    if (!group && task.hasCommand() && task.hasExecutor()) {
      return Optional.of("task " + id + " must not set both command and executor");
    }
    Resources resources;
    try {
      resources = ResourceConverter.fromProto(task.getResourcesList());
    } catch (IllegalArgumentException e) {
      return Optional.of("task " + id + " has invalid resources: " + e.getMessage());
    }
    if (resources.scalar("cpus") <= 0 && resources.scalar("mem") <= 0) {
      return Optional.of("task " + id + " must use some cpus or mem");
    }
    if (!available.contains(resources)) {
      return Optional.of(
          "task "
              + id
              + " uses resources "
              + resources
              + " that are not in the offered resources left: "
              + available);
    }
    if (task.hasContainer()
        && task.getContainer().getType() == ContainerInfo.Type.DOCKER
        && task.getContainer().getDocker().getImage().isBlank()) {
      return Optional.of("task " + id + " is a DOCKER container without docker.image");
    }
    if (task.hasHealthCheck()) {
      Optional<String> hc = validateHealthCheck(id, task.getHealthCheck());
      if (hc.isPresent()) {
        return hc;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> validateHealthCheck(String id, HealthCheck hc) {
    return switch (hc.getType()) {
      case COMMAND ->
          hc.hasCommand()
              ? Optional.empty()
              : Optional.of("task " + id + " has a COMMAND health check without command");
      case HTTP ->
          hc.getHttp().getPort() > 0
              ? Optional.empty()
              : Optional.of("task " + id + " has an HTTP health check without http.port");
      case TCP ->
          hc.getTcp().getPort() > 0
              ? Optional.empty()
              : Optional.of("task " + id + " has a TCP health check without tcp.port");
      default -> Optional.of("task " + id + " has a health check without a valid type");
    };
  }
}
