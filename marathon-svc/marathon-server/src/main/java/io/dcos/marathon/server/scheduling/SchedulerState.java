package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.deployment.DeploymentAction;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.launch.LaunchDelays;
import io.dcos.marathon.core.launch.LaunchQueue;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.store.GroupRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the leading scheduler knows: the instances, the running deployments, the launch queue with
 * its backoffs, and whether offers are suppressed. Invariant: only the scheduler's loop thread
 * reads or changes it; {@link #reset} starts every term of leadership from nothing.
 */
final class SchedulerState {
  final Map<InstanceId, Instance> instances = new LinkedHashMap<>();
  final List<RunningDeployment> deployments = new ArrayList<>();
  LaunchDelays delays;
  LaunchQueue queue;
  boolean suppressed;
  Instant lastReconciliation = Instant.EPOCH;

  private final GroupRepository groups;

  SchedulerState(GroupRepository groups) {
    this.groups = groups;
  }

  void reset(Clock clock) {
    instances.clear();
    deployments.clear();
    delays = new LaunchDelays(clock);
    queue = new LaunchQueue(delays);
    suppressed = false;
  }

  /** The current app definition: the one a running deployment works towards, else the root's. */
  Optional<AppDefinition> app(PathId id) {
    for (RunningDeployment d : deployments) {
      for (DeploymentAction a : d.currentActions()) {
        if (a.appId().equals(id)) {
          return Optional.of(a.app());
        }
      }
    }
    return groups.root().app(id);
  }

  List<Instance> instancesOf(PathId appId) {
    return instances.values().stream().filter(i -> i.appId().equals(appId)).toList();
  }
}
