package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.TaskUpdate;
import io.dcos.marathon.core.instances.Transition;
import io.dcos.marathon.server.scheduling.InstanceChanges.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Folds a batch of task status updates, in arrival order, into instance transitions: each update
 * sees the instance as the earlier updates of the batch left it, and an instance expunged by one is
 * unknown to the next. Decisions only: nothing is stored or sent.
 */
final class StatusBatch {
  /**
   * What one update did: {@code instance} is the instance it applied to (null for a task nobody
   * knows, or a state the kernel has no Marathon condition for) and {@code transition} the result.
   */
  record Handled(
      TaskStatus status, Optional<TaskUpdate> update, Instance instance, Transition transition) {
    boolean known() {
      return instance != null;
    }
  }

  /** Every update handled, and the transitions that changed an instance, in order. */
  record Result(List<Handled> handled, List<Change> changes) {}

  private StatusBatch() {}

  static Result fold(List<TaskStatus> batch, Function<InstanceId, Instance> known, Instant now) {
    Map<InstanceId, Optional<Instance>> latest = new HashMap<>();
    List<Handled> handled = new ArrayList<>(batch.size());
    List<Change> changes = new ArrayList<>();
    for (TaskStatus status : batch) {
      Optional<TaskUpdate> update = StatusUpdates.of(status, now);
      Instance instance =
          InstanceId.parseTaskId(status.getTaskId().getValue())
              .map(InstanceId.TaskRef::instanceId)
              .flatMap(id -> latest.computeIfAbsent(id, k -> Optional.ofNullable(known.apply(k))))
              .orElse(null);
      if (update.isEmpty() || instance == null) {
        handled.add(new Handled(status, update, null, null));
        continue;
      }
      Transition t = InstanceStateMachine.update(instance, update.get());
      if (t.changed()) {
        changes.add(new Change(instance, t));
        latest.put(instance.id(), t.next());
      }
      handled.add(new Handled(status, update, instance, t));
    }
    return new Result(List.copyOf(handled), List.copyOf(changes));
  }
}
