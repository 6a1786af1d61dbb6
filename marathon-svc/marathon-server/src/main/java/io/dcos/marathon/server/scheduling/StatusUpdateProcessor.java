package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.TaskUpdate;
import io.dcos.marathon.core.instances.Transition;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the kernel's task status updates: moves the instance through its state machine, stores
 * the change, acknowledges the update, publishes Marathon's events and re-evaluates deployments.
 * Tasks nobody knows are killed. Invariant: an update is acknowledged only after its instance
 * change is stored. Loop thread only.
 */
final class StatusUpdateProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateProcessor.class);

  private final SchedulerState state;
  private final InstanceChanges changes;
  private final DeploymentExecutor deployments;
  private final SchedulerEvents events;
  private final Supplier<SchedulerClient> client;
  private final Clock clock;

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

  void process(TaskStatus status) {
    SchedulerClient client = this.client.get();
    Optional<TaskUpdate> update = StatusUpdates.of(status, clock.instant());
    Optional<InstanceId.TaskRef> ref = InstanceId.parseTaskId(status.getTaskId().getValue());
    Instance instance = ref.map(r -> state.instances.get(r.instanceId())).orElse(null);
    if (update.isEmpty() || instance == null) {
      if (update.isPresent() && !update.get().condition().terminal()) {
        // A task nobody knows (orphan): it must not keep running.
        LOG.info("killing unknown task {}", status.getTaskId().getValue());
        client.kill(status.getTaskId(), status.getAgentId());
      }
      client.acknowledge(status);
      return;
    }
    Transition t = InstanceStateMachine.update(instance, update.get());
    if (t.changed()) {
      changes.store(instance, t);
    }
    client.acknowledge(status);
    Instance after = t.next().orElse(instance.withCondition(update.get().condition()));
    events.status(after, status.getState().name(), status.getMessage());
    changes.effects(t.effects());
    deployments.evaluate();
  }
}
