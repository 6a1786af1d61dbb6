package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.server.api.DeploymentJson;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import java.time.Clock;
import java.util.List;

/** Publishes the scheduler's events on the event bus in Marathon's shapes. */
final class SchedulerEvents {
  private final EventBus bus;
  private final Clock clock;

  SchedulerEvents(EventBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
  }

  void registered(String frameworkId, String master) {
    bus.publish(new Events.SchedulerRegisteredEvent(frameworkId, master, clock.instant()));
  }

  void status(Instance i, String taskState, String message) {
    bus.publish(
        new Events.StatusUpdateEvent(
            i.agent().agentId(),
            i.taskId(),
            taskState,
            message,
            i.appId().toString(),
            i.agent().hostname(),
            List.of(),
            i.hostPorts(),
            i.appVersion().toString(),
            clock.instant()));
    bus.publish(
        new Events.InstanceChangedEvent(
            i.id().toString(),
            i.condition().name(),
            i.appId().toString(),
            i.agent().agentId(),
            i.agent().hostname(),
            i.appVersion().toString(),
            i.goal().name(),
            clock.instant()));
  }

  void health(Instance i, Boolean healthy) {
    bus.publish(
        new Events.InstanceHealthChangedEvent(
            i.id().toString(),
            i.appId().toString(),
            i.appVersion().toString(),
            healthy,
            clock.instant()));
    bus.publish(
        new Events.HealthStatusChangedEvent(
            i.appId().toString(),
            i.id().toString(),
            i.taskId(),
            i.appVersion().toString(),
            Boolean.TRUE.equals(healthy),
            clock.instant()));
  }

  void unhealthyKilled(Instance i) {
    bus.publish(
        new Events.UnhealthyInstanceKillEvent(
            i.appId().toString(),
            i.taskId(),
            i.id().toString(),
            i.appVersion().toString(),
            "health check failed",
            i.agent().hostname(),
            i.agent().agentId(),
            clock.instant()));
  }

  void deploymentInfo(RunningDeployment d) {
    bus.publish(new Events.DeploymentInfo(DeploymentJson.of(d.plan()), step(d), clock.instant()));
  }

  void stepSuccess(RunningDeployment d) {
    bus.publish(
        new Events.DeploymentStepSuccess(DeploymentJson.of(d.plan()), step(d), clock.instant()));
  }

  void success(RunningDeployment d) {
    bus.publish(
        new Events.DeploymentSuccess(d.plan().id(), DeploymentJson.of(d.plan()), clock.instant()));
  }

  void failed(RunningDeployment d, String reason) {
    bus.publish(
        new Events.DeploymentFailed(
            d.plan().id(), DeploymentJson.of(d.plan()), reason, clock.instant()));
  }

  void appTerminated(String appId) {
    bus.publish(new Events.AppTerminatedEvent(appId, clock.instant()));
  }

  private static Object step(RunningDeployment d) {
    if (d.finished()) {
      return null;
    }
    return new DeploymentJson.StepJson(
        d.currentActions().stream()
            .map(a -> new DeploymentJson.ActionJson(a.name(), a.appId().toString()))
            .toList());
  }
}
