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
 * Checks a task of a LAUNCH or LAUNCH_GROUP against the offers it uses. Pure: returns a {@link
 * Verdict}, with the task's resources (parsed once) when it may be launched.
 */
final class TaskValidator {
  /** The outcome for one task. Invariant: exactly one of resources and problem is set. */
  record Verdict(Resources resources, String problem) {
    static Verdict invalid(String problem) {
      return new Verdict(null, problem);
    }

    boolean valid() {
      return problem == null;
    }
  }

  private static final Pattern TASK_ID = Pattern.compile("[^\\s/\\\\]{1,255}");

  private TaskValidator() {}

  static Verdict validate(
      TaskInfo task,
      String agentId,
      Predicate<String> isLiveTask,
      Resources available,
      boolean group) {
    String id = task.getTaskId().getValue();
    if (!TASK_ID.matcher(id).matches()) {
      return Verdict.invalid(
          "task_id '" + id + "' must be 1-255 characters without whitespace or slashes");
    }
    if (isLiveTask.test(id)) {
      return Verdict.invalid(
          "task_id '" + id + "' is already used by a live task of this framework");
    }
    if (!task.getAgentId().getValue().equals(agentId)) {
      return Verdict.invalid(
          "task "
              + id
              + " names agent_id '"
              + task.getAgentId().getValue()
              + "' but the offers are for agent '"
              + agentId
              + "'");
    }
    if (group && task.hasExecutor()) {
      return Verdict.invalid("task " + id + " of a task group must not set executor");
    }
    if (!group && !task.hasCommand() && !task.hasExecutor()) {
      return Verdict.invalid("task " + id + " must set either command or executor");
    }
    if (!group && task.hasCommand() && task.hasExecutor()) {
      return Verdict.invalid("task " + id + " must not set both command and executor");
    }
    Resources resources;
    try {
      resources = ResourceConverter.fromProto(task.getResourcesList());
    } catch (IllegalArgumentException e) {
      return Verdict.invalid("task " + id + " has invalid resources: " + e.getMessage());
    }
    if (resources.scalar("cpus") <= 0 && resources.scalar("mem") <= 0) {
      return Verdict.invalid("task " + id + " must use some cpus or mem");
    }
    if (!available.contains(resources)) {
      return Verdict.invalid(
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
      return Verdict.invalid("task " + id + " is a DOCKER container without docker.image");
    }
    if (task.hasHealthCheck()) {
      Optional<String> hc = validateHealthCheck(id, task.getHealthCheck());
      if (hc.isPresent()) {
        return Verdict.invalid(hc.get());
      }
    }
    return new Verdict(resources, null);
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
