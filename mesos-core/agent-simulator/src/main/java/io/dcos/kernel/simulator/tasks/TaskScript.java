package io.dcos.kernel.simulator.tasks;

import io.dcos.kernel.protocol.TaskInfo;

/**
 * Chooses the behaviour of each task a simulated agent is asked to run. Must be pure and
 * thread-safe: it is called from many agents at once.
 */
@FunctionalInterface
public interface TaskScript {
  TaskBehaviour behaviourOf(TaskInfo task);

  /** Every task behaves the same. */
  static TaskScript always(TaskBehaviour behaviour) {
    return task -> behaviour;
  }

  /** Reads {@code sim.*} task labels, see {@link LabelTaskScript}; unlabelled tasks run forever. */
  static TaskScript fromLabels() {
    return new LabelTaskScript(TaskBehaviour.runUntilKilled());
  }
}
