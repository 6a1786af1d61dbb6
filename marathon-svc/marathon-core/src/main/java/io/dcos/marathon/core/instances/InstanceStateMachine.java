package io.dcos.marathon.core.instances;

import io.dcos.marathon.core.model.UnreachableStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle of an instance as a pure function: a status update (or the passing of time) and the
 * current instance give the next instance and the effects to carry out. Terminal tasks are
 * forgotten (the supervisor launches replacements for instances that should run); unreachable ones
 * become inactive after {@code inactiveAfter} and are forgotten, with a kill, after {@code
 * expungeAfter}. Invariant: no clock, no I/O; updates of an older incarnation change nothing.
 */
public final class InstanceStateMachine {
  private InstanceStateMachine() {}

  /** Applies a status update of {@code instance}'s task. */
  public static Transition update(Instance instance, TaskUpdate update) {
    if (!update.taskId().equals(instance.taskId())) {
      return Transition.unchanged(instance);
    }
    Condition next = update.condition();
    List<InstanceEffect> effects = new ArrayList<>();
    boolean decommissioned = instance.goal() == Goal.DECOMMISSIONED;
    if (next.terminal()) {
      if (!decommissioned) {
        if (next == Condition.FAILED || next == Condition.FINISHED) {
          effects.add(new InstanceEffect.BackoffFailure(instance.appId()));
        }
        if (next == Condition.KILLED && Boolean.FALSE.equals(instance.healthy())) {
          effects.add(new InstanceEffect.UnhealthyKilled(instance));
        }
      }
      return Transition.expunge(effects);
    }
    Boolean healthy = update.healthy() != null ? update.healthy() : instance.healthy();
    Instant started = instance.startedAt();
    if (next == Condition.RUNNING && started == null) {
      started = update.timestamp();
    }
    Instant unreachable = null;
    if (next == Condition.UNREACHABLE) {
      unreachable =
          instance.unreachableSince() != null ? instance.unreachableSince() : update.timestamp();
      if (instance.condition() == Condition.UNREACHABLE_INACTIVE) {
        next = Condition.UNREACHABLE_INACTIVE;
      }
    }
    Instance after = instance.with(next, healthy, started, unreachable);
    if (!Objects.equals(healthy, instance.healthy())) {
      effects.add(new InstanceEffect.HealthChanged(after, healthy));
    }
    if (after.runningAndHealthy() && !instance.runningAndHealthy() && !decommissioned) {
      effects.add(new InstanceEffect.BackoffReset(instance.appId()));
    }
    if (decommissioned && next == Condition.RUNNING && instance.condition() != Condition.RUNNING) {
      // A task we already decided to stop came back (reconciliation, reachable again): kill it.
      effects.add(new InstanceEffect.KillTask(after));
    }
    if (after.equals(instance) && effects.isEmpty()) {
      return Transition.unchanged(instance);
    }
    return Transition.store(after, effects);
  }

  /** Applies the passing of time: the unreachable strategy of the instance's app. */
  public static Transition tick(Instance instance, UnreachableStrategy strategy, Instant now) {
    Instant since = instance.unreachableSince();
    if (since == null || !strategy.enabled()) {
      return Transition.unchanged(instance);
    }
    Duration away = Duration.between(since, now);
    if (away.compareTo(strategy.expungeAfter()) >= 0
        && away.compareTo(strategy.inactiveAfter()) >= 0) {
      return Transition.expunge(List.of(new InstanceEffect.KillTask(instance)));
    }
    if (away.compareTo(strategy.inactiveAfter()) >= 0
        && instance.condition() == Condition.UNREACHABLE) {
      return Transition.store(instance.withCondition(Condition.UNREACHABLE_INACTIVE), List.of());
    }
    return Transition.unchanged(instance);
  }

  /** Marks {@code instance} to be stopped; returns the kill to send unless it is gone already. */
  public static Transition decommission(Instance instance) {
    Instance after = instance.withGoal(Goal.DECOMMISSIONED);
    if (instance.condition() == Condition.PROVISIONED
        || instance.condition() == Condition.UNREACHABLE_INACTIVE) {
      // Never confirmed, or lost behind a partition: kill what may exist and forget it.
      return Transition.expunge(List.of(new InstanceEffect.KillTask(after)));
    }
    return Transition.store(after, List.of(new InstanceEffect.KillTask(after)));
  }
}
