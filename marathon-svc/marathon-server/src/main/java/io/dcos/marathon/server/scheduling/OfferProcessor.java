package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.placement.AgentPlace;
import io.dcos.marathon.server.store.InstanceRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers the kernel's offers: places what the launch queue wants ({@link OfferPlacement}), stores
 * the new instances, launches their tasks and declines the rest. Invariant: an instance is stored
 * before its task is launched. Loop thread only.
 */
final class OfferProcessor {
  private final SchedulerState state;
  private final DeploymentExecutor deployments;
  private final InstanceRepository instanceStore;
  private final InstanceRecords instanceRecords;
  private final SchedulerEvents events;
  private final SchedulingProperties props;
  private final String role;
  private final Supplier<SchedulerClient> client;
  private final Clock clock;

  OfferProcessor(
      SchedulerState state,
      DeploymentExecutor deployments,
      InstanceRepository instanceStore,
      InstanceRecords instanceRecords,
      SchedulerEvents events,
      SchedulingProperties props,
      String role,
      Supplier<SchedulerClient> client,
      Clock clock) {
    this.state = state;
    this.deployments = deployments;
    this.instanceStore = instanceStore;
    this.instanceRecords = instanceRecords;
    this.events = events;
    this.props = props;
    this.role = role;
    this.client = client;
    this.clock = clock;
  }

  void process(List<Offer> offers) {
    SchedulerClient client = this.client.get();
    deployments.evaluate();
    Map<AppDefinition, Integer> wanted = state.queue.launchable();
    if (wanted.isEmpty()) {
      client.decline(
          offers.stream().map(Offer::getId).toList(), props.declineWhileIdle().toSeconds());
      return;
    }
    Map<PathId, List<AgentPlace>> placed = new HashMap<>();
    for (Instance i : state.instances.values()) {
      if (i.condition().active()) {
        placed.computeIfAbsent(i.appId(), k -> new ArrayList<>()).add(i.agent());
      }
    }
    OfferPlacement.Result placement =
        OfferPlacement.place(offers, wanted, placed, role, clock.instant(), UUID::randomUUID);
    for (OfferPlacement.Launch launch : placement.launches()) {
      List<Instance> launched = launch.instances();
      launched.forEach(i -> state.queue.launched(i.appId()));
      instanceStore.saveAll(launched.stream().map(instanceRecords::toRow).toList());
      launched.forEach(i -> state.instances.put(i.id(), i));
      client.launch(launch.offer().getId(), launch.tasks());
      launched.forEach(i -> events.status(i, "TASK_STAGING", ""));
    }
    if (!placement.unused().isEmpty()) {
      client.decline(placement.unused(), props.declineWhileWaiting().toSeconds());
    }
  }
}
