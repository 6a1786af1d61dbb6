package io.dcos.marathon.core.instances;

import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.placement.AgentPlace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One instance of an app: where its current task runs, with which host ports, in which condition,
 * and which app version it runs. Invariant: immutable; {@code startedAt} is set once the task ran,
 * {@code unreachableSince} only while unreachable, {@code healthy} is null until the agent reports
 * a health result.
 */
public record Instance(
    InstanceId id,
    Instant appVersion,
    int incarnation,
    AgentPlace agent,
    List<Integer> hostPorts,
    Condition condition,
    Goal goal,
    Boolean healthy,
    Instant stagedAt,
    Instant startedAt,
    Instant unreachableSince) {

  public Instance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(stagedAt, "stagedAt");
    hostPorts = List.copyOf(hostPorts);
  }

  /** A freshly accepted instance, its first task staged at {@code now}. */
  public static Instance provisioned(
      InstanceId id, Instant appVersion, AgentPlace agent, List<Integer> hostPorts, Instant now) {
    return new Instance(
        id,
        appVersion,
        1,
        agent,
        hostPorts,
        Condition.PROVISIONED,
        Goal.RUNNING,
        null,
        now,
        null,
        null);
  }

  public PathId appId() {
    return id.appId();
  }

  /** The kernel task id of the current task. */
  public String taskId() {
    return id.taskId(incarnation);
  }

  /** True when the task runs and no health check says otherwise. */
  public boolean runningAndHealthy() {
    return condition == Condition.RUNNING && !Boolean.FALSE.equals(healthy);
  }

  public Instance withCondition(Condition next) {
    return new Instance(
        id,
        appVersion,
        incarnation,
        agent,
        hostPorts,
        next,
        goal,
        healthy,
        stagedAt,
        startedAt,
        unreachableSince);
  }

  public Instance withGoal(Goal next) {
    return new Instance(
        id,
        appVersion,
        incarnation,
        agent,
        hostPorts,
        condition,
        next,
        healthy,
        stagedAt,
        startedAt,
        unreachableSince);
  }

  Instance with(Condition next, Boolean health, Instant started, Instant unreachable) {
    return new Instance(
        id,
        appVersion,
        incarnation,
        agent,
        hostPorts,
        next,
        goal,
        health,
        stagedAt,
        started,
        unreachable);
  }
}
