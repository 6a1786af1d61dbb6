package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.protocol.TaskInfo;

/** Runs a task's health check next to it for as long as the returned handle is open. */
public interface HealthChecking {
  /** Hears a health result to report, and whether the task must be killed. */
  interface Listener {
    void health(boolean healthy, boolean killRequested, String message);
  }

  AutoCloseable watch(TaskInfo task, Container container, String host, Listener listener);
}
