package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.FrameworkProfile;
import io.dcos.kernel.master.registry.RegistryOperation;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.Roles;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.TimeInfo;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.ShutdownFramework;
import io.dcos.kernel.protocol.operator.Registry;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Framework lifecycle on the leading master: subscription and re-subscription (failover), loss of
 * the scheduler's stream, the failover timeout, teardown, and delivery of events.
 */
final class FrameworkFlow {
  private static final Logger LOG = LoggerFactory.getLogger(FrameworkFlow.class);

  private final MasterContext context;
  private final Cluster cluster;
  private final OfferFlow offers;
  private final Runnable requestAllocation;

  FrameworkFlow(
      MasterContext context, Cluster cluster, OfferFlow offers, Runnable requestAllocation) {
    this.context = context;
    this.cluster = cluster;
    this.offers = offers;
    this.requestAllocation = requestAllocation;
  }

  void subscribe(FrameworkLink link, Call call) {
    FrameworkInfo info = call.getSubscribe().getFrameworkInfo();
    String invalid = invalidReason(call, info);
    if (invalid != null) {
      link.fail(invalid);
      return;
    }
    if (info.getUser().isEmpty()) {
      info = info.toBuilder().setUser("root").build();
    }
    String id = info.hasId() && !info.getId().getValue().isEmpty() ? info.getId().getValue() : null;
    if (id != null && cluster.removedFrameworkIds.contains(id)) {
      link.fail("framework " + id + " has been removed; subscribe without an id to start anew");
      return;
    }
    Instant now = context.now();
    FrameworkRecord f = id == null ? null : cluster.frameworks.get(id);
    boolean added = f == null;
    if (f == null) {
      id = id != null ? id : cluster.newFrameworkId();
      f =
          new FrameworkRecord(
              id, info.toBuilder().setId(FrameworkID.newBuilder().setValue(id)).build(), now);
      cluster.frameworks.put(id, f);
      cluster.allocator.addFramework(
          id, profile(f, call.getSubscribe().getSuppressedRolesList()), Map.of());
    } else {
      if (f.link != null && f.link != link) {
        cluster.frameworkByLink.remove(f.link);
        f.link.fail("framework failed over: a newer subscription of this framework took over");
      }
      offers.dropFrameworkOffers(f);
      f.info = info.toBuilder().setId(FrameworkID.newBuilder().setValue(id)).build();
      f.reregisteredTime = now;
      cluster.allocator.updateFramework(
          id, profile(f, call.getSubscribe().getSuppressedRolesList()));
    }
    cluster.allocator.deactivateFramework(id);
    f.link = link;
    f.subscribed = true;
    f.disconnectedSince = null;
    cluster.frameworkByLink.put(link, id);
    final FrameworkRecord subscribed = f;
    final String frameworkId = id;
    final boolean isNew = added;
    // SUBSCRIBED goes out only once the framework is durable, so a failover cannot forget it.
    context
        .registrar()
        .apply(new RegistryOperation.PutFramework(registryEntry(f)))
        .whenCompleteAsync(
            (ok, error) -> {
              if (subscribed.link != link) {
                return;
              }
              if (error != null) {
                LOG.warn("cannot persist framework {}: {}", frameworkId, error.toString());
                disconnected(link);
                link.fail("the master cannot record the framework: " + error.getMessage());
                return;
              }
              link.send(
                  Event.newBuilder()
                      .setType(Event.Type.SUBSCRIBED)
                      .setSubscribed(
                          Event.Subscribed.newBuilder()
                              .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
                              .setHeartbeatIntervalSeconds(
                                  context.properties().heartbeatInterval().toMillis() / 1000.0)
                              .setMasterInfo(cluster.masterInfo))
                      .build());
              cluster.allocator.activateFramework(frameworkId);
              context
                  .observers()
                  .publish(
                      isNew
                          ? OperatorEvents.frameworkAdded(subscribed)
                          : OperatorEvents.frameworkUpdated(subscribed));
              LOG.info(
                  "framework {} ({}) {}",
                  subscribed.info.getName(),
                  frameworkId,
                  isNew ? "subscribed" : "re-subscribed");
              requestAllocation.run();
            },
            context.loop());
  }

  private static String invalidReason(Call call, FrameworkInfo info) {
    if (!call.hasSubscribe() || !call.getSubscribe().hasFrameworkInfo()) {
      return "SUBSCRIBE needs subscribe.framework_info";
    }
    if (info.getName().isBlank()) {
      return "framework_info.name must be set";
    }
    boolean multiRole =
        info.getCapabilitiesList().stream()
            .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
    if (info.getRolesCount() > 0 && !multiRole) {
      return "framework_info.roles needs the MULTI_ROLE capability; use framework_info.role";
    }
    if (multiRole && !info.getRole().isEmpty()) {
      return "a MULTI_ROLE framework must use framework_info.roles, not role";
    }
    for (String role : FrameworkRecord.rolesOf(info)) {
      String why = Roles.invalidReason(role);
      if (why != null) {
        return "framework_info: " + why;
      }
    }
    if (info.hasFailoverTimeout() && !(info.getFailoverTimeout() >= 0)) {
      return "framework_info.failover_timeout must be zero or more seconds";
    }
    if (call.hasFrameworkId()
        && info.hasId()
        && !call.getFrameworkId().getValue().equals(info.getId().getValue())) {
      return "framework_id of the call differs from framework_info.id";
    }
    return null;
  }

  FrameworkProfile profile(FrameworkRecord f, List<String> suppressed) {
    return new FrameworkProfile(
        Set.copyOf(f.roles()),
        new HashSet<>(suppressed),
        f.hasCapability(FrameworkInfo.Capability.Type.GPU_RESOURCES));
  }

  Registry.Framework registryEntry(FrameworkRecord f) {
    Registry.Framework.Builder b = Registry.Framework.newBuilder().setInfo(f.info);
    if (f.disconnectedSince != null) {
      b.setDisconnectedTime(
          TimeInfo.newBuilder().setNanoseconds(f.disconnectedSince.toEpochMilli() * 1_000_000));
    }
    return b.build();
  }

  /** A framework known from the registry or an agent, until its scheduler subscribes. */
  FrameworkRecord placeholder(FrameworkInfo info, Instant disconnectedSince) {
    String id = info.getId().getValue();
    FrameworkRecord f = cluster.frameworks.get(id);
    if (f != null) {
      return f;
    }
    f = new FrameworkRecord(id, info, context.now());
    f.disconnectedSince = disconnectedSince;
    cluster.frameworks.put(id, f);
    cluster.allocator.addFramework(id, profile(f, List.of()), Map.of());
    cluster.allocator.deactivateFramework(id);
    return f;
  }

  void disconnected(FrameworkLink link) {
    String id = cluster.frameworkByLink.remove(link);
    FrameworkRecord f = id == null ? null : cluster.frameworks.get(id);
    if (f == null || f.link != link) {
      return;
    }
    f.link = null;
    f.disconnectedSince = context.now();
    cluster.allocator.deactivateFramework(id);
    offers.dropFrameworkOffers(f);
    context.registrar().apply(new RegistryOperation.PutFramework(registryEntry(f)));
    context.observers().publish(() -> OperatorEvents.frameworkUpdated(f));
    LOG.info(
        "framework {} disconnected; its tasks keep running for its failover timeout of {} s",
        id,
        f.failoverTimeoutSeconds());
  }

  void heartbeat() {
    Event beat = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    for (FrameworkRecord f : cluster.frameworks.values()) {
      if (f.connected()) {
        f.link.send(beat);
      }
    }
  }

  void checkFailoverTimeouts() {
    Instant now = context.now();
    for (FrameworkRecord f : List.copyOf(cluster.frameworks.values())) {
      if (f.connected() || f.disconnectedSince == null) {
        continue;
      }
      Duration timeout = Duration.ofMillis((long) (f.failoverTimeoutSeconds() * 1000));
      if (!now.isBefore(f.disconnectedSince.plus(timeout))) {
        LOG.info("framework {} did not come back within its failover timeout; removing it", f.id);
        remove(f, "failover timeout passed");
      }
    }
  }

  /** Removes the framework: its tasks are killed on their agents and it cannot come back. */
  void remove(FrameworkRecord f, String why) {
    offers.dropFrameworkOffers(f);
    Map<String, AgentRecord> agentsWithTasks = new HashMap<>();
    for (TaskRecord t : List.copyOf(f.tasks.values())) {
      AgentRecord agent = cluster.agents.get(t.agentId);
      if (agent != null) {
        agent.tasks.remove(t.key);
        agentsWithTasks.put(agent.id, agent);
      }
      if (!t.terminal()) {
        cluster.allocator.recoverResources(
            f.id, t.agentId, t.resources, Duration.ZERO, context.now());
      }
      f.complete(t, context.properties().maxCompletedTasksPerFramework());
      context.observers().publish(() -> OperatorEvents.taskRemoved(t));
    }
    for (AgentRecord agent : agentsWithTasks.values()) {
      if (agent.link != null) {
        agent.link.send(
            MasterMessage.newBuilder()
                .setShutdownFramework(
                    ShutdownFramework.newBuilder()
                        .setFrameworkId(FrameworkID.newBuilder().setValue(f.id)))
                .build());
      }
    }
    if (f.link != null) {
      cluster.frameworkByLink.remove(f.link);
      f.link.fail("framework removed: " + why);
      f.link = null;
    }
    cluster.allocator.removeFramework(f.id);
    cluster.frameworks.remove(f.id);
    cluster.removedFrameworkIds.add(f.id);
    cluster.completedFrameworks.addLast(f.info);
    while (cluster.completedFrameworks.size() > context.properties().maxCompletedFrameworks()) {
      cluster.completedFrameworks.removeFirst();
    }
    context.registrar().apply(new RegistryOperation.RemoveFramework(f.id));
    context.observers().publish(() -> OperatorEvents.frameworkRemoved(f));
    requestAllocation.run();
  }

  /** Sends a status to the framework as it should see it (LOST for non partition-aware). */
  void sendUpdate(FrameworkRecord f, TaskStatus status) {
    if (f == null || !f.connected()) {
      return;
    }
    TaskStatus shown =
        status.toBuilder()
            .setState(TaskStates.forFramework(status.getState(), f.partitionAware()))
            .build();
    f.link.send(
        Event.newBuilder()
            .setType(Event.Type.UPDATE)
            .setUpdate(Event.Update.newBuilder().setStatus(shown))
            .build());
  }

  void sendError(FrameworkLink link, String message) {
    link.send(
        Event.newBuilder()
            .setType(Event.Type.ERROR)
            .setError(Event.Error.newBuilder().setMessage(message))
            .build());
  }
}
