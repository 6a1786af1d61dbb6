package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.AgentProfile;
import io.dcos.kernel.master.registry.RegistryOperation;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.TaskKey;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.TimeInfo;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.ExitedExecutor;
import io.dcos.kernel.protocol.agent.KillTask;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.Refused;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.Registered;
import io.dcos.kernel.protocol.agent.ReregisterRequest;
import io.dcos.kernel.protocol.agent.ShutdownFramework;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import io.dcos.kernel.protocol.operator.Registry;
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
 * Agents on the leading master: registration and re-registration (rebuilding tasks after a
 * failover), heartbeats and the unreachable state, and the status updates agents report.
 */
final class AgentFlow {
  private static final Logger LOG = LoggerFactory.getLogger(AgentFlow.class);

  private final MasterContext context;
  private final Cluster cluster;
  private final OfferFlow offers;
  private final FrameworkFlow frameworks;
  private final Runnable requestAllocation;

  AgentFlow(
      MasterContext context,
      Cluster cluster,
      OfferFlow offers,
      FrameworkFlow frameworks,
      Runnable requestAllocation) {
    this.context = context;
    this.cluster = cluster;
    this.offers = offers;
    this.frameworks = frameworks;
    this.requestAllocation = requestAllocation;
  }

  void register(AgentLink link, Register register) {
    AgentInfo info = register.getAgentInfo();
    Resources total;
    try {
      total = ResourceConverter.fromProto(info.getResourcesList());
    } catch (IllegalArgumentException e) {
      refuse(link, "invalid agent resources: " + e.getMessage());
      return;
    }
    if (info.getHostname().isBlank()) {
      refuse(link, "agent_info.hostname must be set");
      return;
    }
    String id = info.hasId() ? info.getId().getValue() : "";
    if (!id.isEmpty() && cluster.removedAgentIds.contains(id)) {
      refuse(link, "agent " + id + " was removed from the cluster; start it with a clean work_dir");
      return;
    }
    Instant now = context.now();
    if (id.isEmpty() || !register.getReregister()) {
      id = cluster.newAgentId();
    }
    info = info.toBuilder().setId(AgentID.newBuilder().setValue(id)).build();
    AgentRecord agent = cluster.agents.get(id);
    boolean added = agent == null;
    boolean wasUnreachable = !added && !agent.reachable;
    if (added) {
      agent = new AgentRecord(id, info, total, now);
      cluster.agents.put(id, agent);
      cluster.recoveringAgents.remove(id);
      cluster.allocator.addAgent(id, profile(info), total, Map.of());
    } else {
      if (agent.link != null && agent.link != link) {
        cluster.agentByLink.remove(agent.link);
        agent.link.close("a newer connection of this agent took over");
      }
      agent.info = info;
      agent.total = total;
      cluster.allocator.updateAgent(id, total);
    }
    agent.link = link;
    agent.httpPort = register.getHttpPort();
    agent.version = register.getVersion();
    agent.lastHeartbeat = now;
    agent.reachable = true;
    agent.unreachableSince = null;
    cluster.agentByLink.put(link, id);
    cluster.allocator.activateAgent(id);
    adoptReportedTasks(agent, register, wasUnreachable);
    final AgentRecord registered = agent;
    final String agentId = id;
    // Registered goes out once the agent is admitted durably.
    context
        .registrar()
        .apply(new RegistryOperation.PutAgent(Registry.Agent.newBuilder().setInfo(info).build()))
        .whenCompleteAsync(
            (ok, error) -> {
              if (registered.link != link) {
                return;
              }
              if (error != null) {
                LOG.warn("cannot admit agent {}: {}", agentId, error.toString());
                link.close("the master cannot record the agent: " + error.getMessage());
                return;
              }
              link.send(
                  MasterMessage.newBuilder()
                      .setRegistered(
                          Registered.newBuilder()
                              .setAgentId(AgentID.newBuilder().setValue(agentId))
                              .setMasterInfo(cluster.masterInfo)
                              .setHeartbeatIntervalSeconds(
                                  context.properties().heartbeatInterval().toMillis() / 1000.0))
                      .build());
            },
            context.loop());
    context.observers().publish(() -> OperatorEvents.agentAdded(registered));
    LOG.info(
        "agent {} at {} {} with {}",
        id,
        info.getHostname(),
        added ? "registered" : "re-registered",
        total);
    requestAllocation.run();
  }

  private void refuse(AgentLink link, String why) {
    LOG.warn("refusing agent: {}", why);
    link.send(MasterMessage.newBuilder().setRefused(Refused.newBuilder().setMessage(why)).build());
    link.close(why);
  }

  static AgentProfile profile(AgentInfo info) {
    Map<String, String> attributes = new HashMap<>();
    for (Attribute a : info.getAttributesList()) {
      attributes.put(a.getName(), AttributeText.valueOf(a));
    }
    String region = info.getDomain().getFaultDomain().getRegion().getName();
    String zone = info.getDomain().getFaultDomain().getZone().getName();
    return new AgentProfile(info.getHostname(), attributes, region, zone);
  }

  /**
   * Reconciles the tasks an agent reports with what this master knows: unknown ones are adopted
   * (after a failover), known ones take the agent's state, and live ones the agent does not know
   * are lost.
   */
  private void adoptReportedTasks(AgentRecord agent, Register register, boolean wasUnreachable) {
    for (FrameworkInfo fi : register.getFrameworksList()) {
      if (!cluster.removedFrameworkIds.contains(fi.getId().getValue())) {
        frameworks.placeholder(fi, cluster.electedTime);
      }
    }
    Set<TaskKey> reported = new HashSet<>();
    for (Task t : register.getTasksList()) {
      String fid = t.getFrameworkId().getValue();
      TaskKey key = new TaskKey(fid, t.getTaskId().getValue());
      reported.add(key);
      FrameworkRecord f = cluster.frameworks.get(fid);
      if (f == null) {
        shutdownFramework(agent, fid);
        continue;
      }
      TaskRecord known = agent.tasks.get(key);
      if (known == null) {
        Resources resources = ResourceConverter.fromProto(t.getResourcesList());
        TaskRecord record =
            new TaskRecord(
                key, agent.id, resources, t.toBuilder().setAgentId(agent.info.getId()).build());
        agent.tasks.put(key, record);
        f.tasks.put(key.taskId(), record);
        if (!record.terminal()) {
          cluster.allocator.addUsed(fid, agent.id, resources);
        }
        context.observers().publish(() -> OperatorEvents.taskAdded(record));
      } else {
        TaskState before = known.state();
        known.task = known.task.toBuilder().setState(t.getState()).build();
        if (wasUnreachable && before == TaskState.TASK_UNREACHABLE) {
          onReachableAgain(f, agent, known);
        }
      }
    }
    for (TaskRecord t : List.copyOf(agent.tasks.values())) {
      if (!reported.contains(t.key) && !t.terminal()) {
        TaskState lost =
            t.state() == TaskState.TASK_STAGING ? TaskState.TASK_DROPPED : TaskState.TASK_GONE;
        masterUpdate(
            t,
            lost,
            TaskStatus.Reason.REASON_AGENT_REREGISTERED,
            "the agent does not know this task");
      }
    }
  }

  /**
   * A task of an agent that was unreachable runs again. Partition-aware frameworks learn its state;
   * others were told TASK_LOST, so the task is killed, as Mesos does.
   */
  private void onReachableAgain(FrameworkRecord f, AgentRecord agent, TaskRecord task) {
    if (f.partitionAware()) {
      TaskStatus status =
          TaskStatus.newBuilder()
              .setTaskId(task.task.getTaskId())
              .setState(task.state())
              .setSource(TaskStatus.Source.SOURCE_MASTER)
              .setReason(TaskStatus.Reason.REASON_AGENT_REREGISTERED)
              .setMessage("agent is reachable again")
              .setAgentId(agent.info.getId())
              .setTimestamp(context.nowSeconds())
              .build();
      frameworks.sendUpdate(f, status);
    } else {
      agent.link.send(
          MasterMessage.newBuilder()
              .setKillTask(
                  KillTask.newBuilder()
                      .setFrameworkId(task.task.getFrameworkId())
                      .setTaskId(task.task.getTaskId()))
              .build());
    }
    context.observers().publish(() -> OperatorEvents.taskUpdated(task, null));
  }

  private void shutdownFramework(AgentRecord agent, String frameworkId) {
    agent.link.send(
        MasterMessage.newBuilder()
            .setShutdownFramework(
                ShutdownFramework.newBuilder()
                    .setFrameworkId(
                        io.dcos.kernel.protocol.FrameworkID.newBuilder().setValue(frameworkId)))
            .build());
  }

  void message(AgentLink link, AgentMessage message) {
    String id = cluster.agentByLink.get(link);
    AgentRecord agent = id == null ? null : cluster.agents.get(id);
    if (agent == null) {
      return;
    }
    switch (message.getMessageCase()) {
      case HEARTBEAT -> heartbeat(agent);
      case STATUS_UPDATE -> statusUpdate(agent, message.getStatusUpdate());
      case REGISTER -> register(link, message.getRegister());
      case EXITED_EXECUTOR -> executorExited(agent, message.getExitedExecutor());
      default -> LOG.debug("ignoring {} from agent {}", message.getMessageCase(), id);
    }
  }

  private void heartbeat(AgentRecord agent) {
    agent.lastHeartbeat = context.now();
    if (!agent.reachable) {
      LOG.info("agent {} is heard from again; asking it to re-register", agent.id);
      agent.link.send(
          MasterMessage.newBuilder()
              .setReregisterRequest(ReregisterRequest.getDefaultInstance())
              .build());
    }
  }

  /** An executor (for command tasks, the task's own) ended: the framework hears FAILURE. */
  private void executorExited(AgentRecord agent, ExitedExecutor exited) {
    FrameworkRecord f = cluster.frameworks.get(exited.getFrameworkId().getValue());
    if (f == null || !f.connected()) {
      return;
    }
    Event.Failure.Builder failure =
        Event.Failure.newBuilder()
            .setAgentId(agent.info.getId())
            .setExecutorId(exited.getExecutorId());
    if (exited.hasStatus()) {
      failure.setStatus(exited.getStatus());
    }
    f.link.send(Event.newBuilder().setType(Event.Type.FAILURE).setFailure(failure).build());
  }

  private void statusUpdate(AgentRecord agent, StatusUpdate update) {
    if (!agent.reachable) {
      return;
    }
    TaskStatus status = update.getStatus();
    String fid = update.getFrameworkId().getValue();
    FrameworkRecord f = cluster.frameworks.get(fid);
    if (f == null) {
      shutdownFramework(agent, fid);
      return;
    }
    TaskRecord task = f.tasks.get(status.getTaskId().getValue());
    if (task != null && task.agentId.equals(agent.id)) {
      boolean wasTerminal = task.terminal();
      TaskState latest = update.getLatestState();
      task.record(status, latest);
      if (!wasTerminal && task.terminal()) {
        cluster.countTerminal(task.state());
        offers.recover(fid, agent.id, task.resources, Duration.ZERO);
      }
      context.observers().publish(() -> OperatorEvents.taskUpdated(task, status));
      if (status.getUuid().isEmpty() && task.terminal()) {
        removeTask(f, agent, task);
      }
    }
    frameworks.sendUpdate(f, status);
  }

  /** Forgets a terminal task whose last update needs no more acknowledgement. */
  void removeTask(FrameworkRecord f, AgentRecord agent, TaskRecord task) {
    agent.tasks.remove(task.key);
    f.complete(task, context.properties().maxCompletedTasksPerFramework());
  }

  void disconnected(AgentLink link) {
    cluster.lastHeard.remove(link);
    String id = cluster.agentByLink.remove(link);
    AgentRecord agent = id == null ? null : cluster.agents.get(id);
    if (agent == null || agent.link != link) {
      return;
    }
    agent.link = null;
    cluster.allocator.deactivateAgent(id);
    offers.rescindAgentOffers(id);
    LOG.info("agent {} disconnected; unreachable unless it returns within the ping timeout", id);
  }

  void checkHeartbeats() {
    Instant now = context.now();
    Duration timeout = context.properties().agentPingTimeout();
    for (AgentRecord agent : List.copyOf(cluster.agents.values())) {
      Instant heard = agent.link == null ? null : cluster.lastHeard.get(agent.link);
      if (heard != null && heard.isAfter(agent.lastHeartbeat)) {
        agent.lastHeartbeat = heard;
      }
      if (agent.reachable && now.isAfter(agent.lastHeartbeat.plus(timeout))) {
        markUnreachable(agent, "no heartbeat for " + timeout.toMillis() + " ms");
      }
    }
    if (!cluster.recoveringAgents.isEmpty()
        && now.isAfter(cluster.electedTime.plus(context.properties().agentReregisterTimeout()))) {
      for (String id : List.copyOf(cluster.recoveringAgents)) {
        LOG.warn("agent {} did not re-register after the failover; it is unreachable", id);
        cluster.recoveringAgents.remove(id);
      }
    }
  }

  private void markUnreachable(AgentRecord agent, String why) {
    LOG.warn("agent {} ({}) is unreachable: {}", agent.id, agent.info.getHostname(), why);
    agent.reachable = false;
    agent.unreachableSince = context.now();
    cluster.allocator.deactivateAgent(agent.id);
    offers.rescindAgentOffers(agent.id);
    context
        .registrar()
        .apply(
            new RegistryOperation.PutAgent(
                Registry.Agent.newBuilder()
                    .setInfo(agent.info)
                    .setUnreachableTime(
                        TimeInfo.newBuilder()
                            .setNanoseconds(agent.unreachableSince.toEpochMilli() * 1_000_000))
                    .build()));
    for (TaskRecord t : List.copyOf(agent.tasks.values())) {
      if (!t.terminal()) {
        masterUpdate(t, TaskState.TASK_UNREACHABLE, TaskStatus.Reason.REASON_AGENT_REMOVED, why);
      }
    }
    context.observers().publish(() -> OperatorEvents.agentRemoved(agent.id));
  }

  /**
   * A status the master itself decides (agent unreachable, task unknown to its agent). It needs no
   * acknowledgement. TASK_UNREACHABLE keeps the task's resources: the task may still run.
   */
  private void masterUpdate(
      TaskRecord task, TaskState state, TaskStatus.Reason reason, String message) {
    TaskStatus status =
        TaskStatus.newBuilder()
            .setTaskId(task.task.getTaskId())
            .setState(state)
            .setSource(TaskStatus.Source.SOURCE_MASTER)
            .setReason(reason)
            .setMessage(message)
            .setAgentId(task.task.getAgentId())
            .setTimestamp(context.nowSeconds())
            .setUnreachableTime(
                state == TaskState.TASK_UNREACHABLE
                    ? TimeInfo.newBuilder()
                        .setNanoseconds(context.clock().millis() * 1_000_000)
                        .build()
                    : TimeInfo.getDefaultInstance())
            .build();
    boolean wasTerminal = task.terminal();
    task.record(status, state);
    FrameworkRecord f = cluster.frameworks.get(task.key.frameworkId());
    AgentRecord agent = cluster.agents.get(task.agentId);
    if (!wasTerminal && TaskStates.isTerminal(state)) {
      cluster.countTerminal(state);
      offers.recover(task.key.frameworkId(), task.agentId, task.resources, Duration.ZERO);
      if (f != null && agent != null) {
        removeTask(f, agent, task);
      }
    }
    context.observers().publish(() -> OperatorEvents.taskUpdated(task, status));
    frameworks.sendUpdate(f, status);
  }
}
