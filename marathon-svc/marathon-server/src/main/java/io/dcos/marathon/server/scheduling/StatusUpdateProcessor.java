package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.instances.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

  private void process(List<TaskStatus> batch) {
    SchedulerClient client = this.client.get();
    StatusBatch.Result folded = StatusBatch.fold(batch, state.instances::get, clock.instant());
    changes.storeAll(folded.changes());
    for (StatusBatch.Handled h : folded.handled()) {
      TaskStatus status = h.status();
      if (!h.known()) {
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
