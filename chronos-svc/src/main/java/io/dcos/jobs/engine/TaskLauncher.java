package io.dcos.jobs.engine;

import java.util.List;

/**
 * What the engine asks of the kernel, implemented by the framework adapter. Launches themselves go
 * back as {@link Placement}s from {@link JobEngine#onOffers}.
 */
public interface TaskLauncher {
  /** Runs wait for resources: make sure offers come (revive). */
  void wantOffers();

  /** Kills a task on its agent. */
  void kill(String taskId, String agentId);

  /** Asks the kernel for the latest state of these tasks (task id, agent id pairs). */
  void reconcile(List<String[]> tasks);
}
