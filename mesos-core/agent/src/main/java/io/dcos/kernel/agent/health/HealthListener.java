package io.dcos.kernel.agent.health;

/** Told when a health status update is due, and when the task must be killed for failing. */
@FunctionalInterface
public interface HealthListener {
  void onHealth(boolean healthy, boolean killRequested);
}
