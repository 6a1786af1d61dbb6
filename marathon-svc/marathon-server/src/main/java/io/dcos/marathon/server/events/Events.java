package io.dcos.marathon.server.events;

import java.time.Instant;
import java.util.List;

/**
 * The event types of Marathon's {@code /v2/events} stream with their JSON fields. Plans, steps,
 * health checks and app definitions are already converted to their JSON views by the publisher.
 */
public final class Events {
  private Events() {}

  /** An IP address of a task. */
  public record IpAddress(String ipAddress, String protocol) {}

  /** An app was created or changed through the API. */
  public record ApiPostEvent(String clientIp, String uri, Object appDefinition, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "api_post_event";
    }
  }

  /** A Mesos task status update of an app's task. */
  public record StatusUpdateEvent(
      String slaveId,
      String taskId,
      String taskStatus,
      String message,
      String appId,
      String host,
      List<IpAddress> ipAddresses,
      List<Integer> ports,
      String version,
      Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "status_update_event";
    }
  }

  /** An instance changed its condition (Created, Staging, Running, Failed, Killed...). */
  public record InstanceChangedEvent(
      String instanceId,
      String condition,
      String runSpecId,
      String agentId,
      String host,
      String runSpecVersion,
      String goal,
      Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "instance_changed_event";
    }
  }

  /** An instance became healthy or unhealthy. */
  public record InstanceHealthChangedEvent(
      String instanceId,
      String runSpecId,
      String runSpecVersion,
      Boolean healthy,
      Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "instance_health_changed_event";
    }
  }

  /** The health of one task changed. */
  public record HealthStatusChangedEvent(
      String appId,
      String instanceId,
      String taskId,
      String version,
      boolean alive,
      Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "health_status_changed_event";
    }
  }

  /** A health check of a task failed. */
  public record FailedHealthCheckEvent(
      String appId, String taskId, String instanceId, Object healthCheck, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "failed_health_check_event";
    }
  }

  /** A task was killed after too many failed health checks. */
  public record UnhealthyInstanceKillEvent(
      String appId,
      String taskId,
      String instanceId,
      String version,
      String reason,
      String host,
      String slaveId,
      Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "unhealthy_instance_kill_event";
    }
  }

  /** A group change was accepted. */
  public record GroupChangeSuccess(String groupId, String version, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "group_change_success";
    }
  }

  /** A group change failed. */
  public record GroupChangeFailed(String groupId, String version, String reason, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "group_change_failed";
    }
  }

  /** A deployment started or moved to another step. */
  public record DeploymentInfo(Object plan, Object currentStep, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_info";
    }
  }

  /** A deployment finished. */
  public record DeploymentSuccess(String id, Object plan, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_success";
    }
  }

  /** A deployment failed or was cancelled. */
  public record DeploymentFailed(String id, Object plan, String reason, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_failed";
    }
  }

  /** A step of a deployment finished. */
  public record DeploymentStepSuccess(Object plan, Object currentStep, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_step_success";
    }
  }

  /** A step of a deployment failed. */
  public record DeploymentStepFailure(Object plan, Object currentStep, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_step_failure";
    }
  }

  /** An app and all its tasks are gone. */
  public record AppTerminatedEvent(String appId, Instant timestamp) implements MarathonEvent {
    @Override
    public String eventType() {
      return "app_terminated_event";
    }
  }

  /** An event stream client connected. */
  public record EventStreamAttached(String remoteAddress, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "event_stream_attached";
    }
  }

  /** An event stream client disconnected. */
  public record EventStreamDetached(String remoteAddress, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "event_stream_detached";
    }
  }

  /** The framework subscribed to the kernel. */
  public record SchedulerRegisteredEvent(String frameworkId, String master, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "scheduler_registered_event";
    }
  }

  /** The framework re-subscribed after a disconnection. */
  public record SchedulerReregisteredEvent(String masterId, Instant timestamp)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "scheduler_reregistered_event";
    }
  }

  /** The framework lost its connection to the kernel. */
  public record SchedulerDisconnectedEvent(Instant timestamp) implements MarathonEvent {
    @Override
    public String eventType() {
      return "scheduler_disconnected_event";
    }
  }
}
