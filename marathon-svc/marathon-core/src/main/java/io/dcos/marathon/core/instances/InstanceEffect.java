package io.dcos.marathon.core.instances;

import io.dcos.marathon.core.model.PathId;

/** What should happen because an instance changed; carried out by the scheduler, not here. */
public sealed interface InstanceEffect {

  /** The app's task failed or finished while it should run: grow the launch backoff. */
  record BackoffFailure(PathId appId) implements InstanceEffect {}

  /** An instance runs and is healthy: the app's launch backoff starts over. */
  record BackoffReset(PathId appId) implements InstanceEffect {}

  /** The health reported by the agent changed ({@code healthy} null: no result any more). */
  record HealthChanged(Instance instance, Boolean healthy) implements InstanceEffect {}

  /** The agent killed the task after failed health checks; it will be replaced. */
  record UnhealthyKilled(Instance instance) implements InstanceEffect {}

  /** Kill the instance's current task on its agent. */
  record KillTask(Instance instance) implements InstanceEffect {}
}
