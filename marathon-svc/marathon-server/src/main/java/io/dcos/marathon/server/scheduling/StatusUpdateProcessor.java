package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.TaskUpdate;
import io.dcos.marathon.core.instances.Transition;
import io.dcos.marathon.server.scheduling.InstanceChanges.Change;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the kernel's task status updates in batches: the updates that arrived while the loop was
 * busy move their instances through the state machine, are stored in one transaction, then
 * acknowledged, published as Marathon's events, and deployments are re-evaluated once. Tasks nobody
 * knows are killed. Invariant: an update is acknowledged only after its instance change is stored;
 * updates are handled in the order they arrived.
 */
final class StatusUpdateProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateProcessor.class);

  /** Most updates handled in one transaction, so one batch cannot hold the loop for long. */
  static final int MAX_BATCH = 2_000;

  private final SchedulerState state;
  private final InstanceChanges changes;
  private final DeploymentExecutor deployments;
  private final SchedulerEvents events;
  private final Supplier<SchedulerClient> client;
  private final Clock clock;
  private final Queue<TaskStatus> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  StatusUpdateProcessor(
      SchedulerState state,
      InstanceChanges changes,
      DeploymentExecutor deployments,
      SchedulerEvents events,
      Supplier<SchedulerClient> client,
      Clock clock) {
    this.state = state;
    this.changes = changes;
    this.deployments = deployments;
    this.events = events;
    this.client = client;
    this.clock = clock;
  }

  /**
   * Any thread: queues {@code status} and, unless a batch is already waiting for the loop, asks
   * {@code loop} to handle the queued updates.
   */
  void received(TaskStatus status, Consumer<Runnable> loop) {
    pending.add(status);
    if (drainQueued.compareAndSet(false, true)) {
      loop.accept(() -> processPending(loop));
    }
  }

  /** Loop thread, at the start of a term of leadership: forgets updates of the previous term. */
  void reset() {
    pending.clear();
    drainQueued.set(false);
  }

  private void processPending(Consumer<Runnable> loop) {
    drainQueued.set(false);
    List<TaskStatus> batch = new ArrayList<>();
    for (TaskStatus s = pending.poll(); s != null; s = pending.poll()) {
      batch.add(s);
      if (batch.size() == MAX_BATCH) {
        break;
      }
    }
    if (!pending.isEmpty() && drainQueued.compareAndSet(false, true)) {
      loop.accept(() -> processPending(loop));
    }
    if (!batch.isEmpty()) {
      process(batch);
    }
  }

  /** What one update did to its instance; {@code instance} is null for a task nobody knows. */
  private record Handled(
      TaskStatus status, Optional<TaskUpdate> update, Instance instance, Transition transition) {}

  void process(List<TaskStatus> batch) {
    SchedulerClient client = this.client.get();
    Instant now = clock.instant();
    // Later updates of the same instance see the state the earlier ones left.
    Map<InstanceId, Instance> latest = new HashMap<>();
    List<Handled> handled = new ArrayList<>(batch.size());
    List<Change> stored = new ArrayList<>();
    for (TaskStatus status : batch) {
      Optional<TaskUpdate> update = StatusUpdates.of(status, now);
      Optional<InstanceId> id =
          InstanceId.parseTaskId(status.getTaskId().getValue()).map(InstanceId.TaskRef::instanceId);
      Instance instance =
          id.map(i -> latest.containsKey(i) ? latest.get(i) : state.instances.get(i)).orElse(null);
      if (update.isEmpty() || instance == null) {
        handled.add(new Handled(status, update, null, null));
        continue;
      }
      Transition t = InstanceStateMachine.update(instance, update.get());
      if (t.changed()) {
        stored.add(new Change(instance, t));
        latest.put(instance.id(), t.expunged() ? null : t.next().orElseThrow());
      }
      handled.add(new Handled(status, update, instance, t));
    }
    changes.storeAll(stored);
    for (Handled h : handled) {
      TaskStatus status = h.status();
      if (h.instance() == null) {
        if (h.update().isPresent() && !h.update().get().condition().terminal()) {
          // A task nobody knows (orphan): it must not keep running.
          LOG.info("killing unknown task {}", status.getTaskId().getValue());
          client.kill(status.getTaskId(), status.getAgentId());
        }
        client.acknowledge(status);
        continue;
      }
      client.acknowledge(status);
      Instance after =
          h.transition().next().orElse(h.instance().withCondition(h.update().get().condition()));
      events.status(after, status.getState().name(), status.getMessage());
      changes.effects(h.transition().effects());
    }
    deployments.evaluate();
  }
}
