package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A task on this agent from launch until its terminal update is acknowledged. Invariant: {@code
 * container} is null only while the launch is in progress (or never got a container).
 */
final class AgentTask {
  final FrameworkInfo framework;
  final TaskInfo task;
  final String containerId;
  final Path sandbox;
  Container container;
  TaskState state = TaskState.TASK_STAGING;
  Boolean healthy;
  boolean killRequested;
  String killReason;
  AutoCloseable health;
  Instant startedAt;

  AgentTask(FrameworkInfo framework, TaskInfo task, String containerId, Path sandbox) {
    this.framework = framework;
    this.task = task;
    this.containerId = containerId;
    this.sandbox = sandbox;
  }

  String frameworkId() {
    return framework.getId().getValue();
  }

  String taskId() {
    return task.getTaskId().getValue();
  }

  String executorId() {
    return task.hasExecutor() ? task.getExecutor().getExecutorId().getValue() : taskId();
  }

  boolean hasCapability(FrameworkInfo.Capability.Type type) {
    return framework.getCapabilitiesList().stream().anyMatch(c -> c.getType() == type);
  }

  void stopHealth() {
    if (health != null) {
      try {
        health.close();
      } catch (Exception ignored) {
        // The checker is going away with its task.
      }
      health = null;
    }
  }
}
