package io.dcos.kernel.master.core;

import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskKey;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskGroupInfo;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.FrameworkMessage;
import io.dcos.kernel.protocol.agent.KillTask;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.RunTask;
import io.dcos.kernel.protocol.agent.RunTaskGroup;
import io.dcos.kernel.protocol.agent.RunTasks;
import io.dcos.kernel.protocol.agent.StatusUpdateAcknowledgement;
import io.dcos.kernel.protocol.scheduler.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scheduler calls of a subscribed framework other than SUBSCRIBE. Validates each call and
 * answers problems with an ERROR event (or TASK_ERROR / TASK_DROPPED updates for launches), never
 * by dropping the connection.
 */
final class SchedulerCalls {
  private final MasterContext context;
  private final Cluster cluster;
  private final OfferFlow offers;
  private final FrameworkFlow frameworks;
  private final AgentFlow agents;
  private final Runnable requestAllocation;

  SchedulerCalls(
      MasterContext context,
      Cluster cluster,
      OfferFlow offers,
      FrameworkFlow frameworks,
      AgentFlow agents,
      Runnable requestAllocation) {
    this.context = context;
    this.cluster = cluster;
    this.offers = offers;
    this.frameworks = frameworks;
    this.agents = agents;
    this.requestAllocation = requestAllocation;
  }

  void handle(FrameworkLink link, Call call) {
    String id = cluster.frameworkByLink.get(link);
    FrameworkRecord f = id == null ? null : cluster.frameworks.get(id);
    if (f == null || f.link != link) {
      link.fail("the framework is not subscribed on this connection; send SUBSCRIBE first");
      return;
    }
    if (call.hasFrameworkId() && !call.getFrameworkId().getValue().equals(f.id)) {
      frameworks.sendError(
          link,
          "call names framework_id " + call.getFrameworkId().getValue() + " but this is " + f.id);
      return;
    }
    switch (call.getType()) {
      case ACCEPT -> accept(f, call.getAccept());
      case DECLINE -> decline(f, call.getDecline());
      case REVIVE -> {
        cluster.allocator.revive(f.id, Set.copyOf(call.getRevive().getRolesList()));
        requestAllocation.run();
      }
      case SUPPRESS ->
          cluster.allocator.suppress(f.id, Set.copyOf(call.getSuppress().getRolesList()));
      case KILL -> kill(f, call.getKill());
      case ACKNOWLEDGE -> acknowledge(f, call.getAcknowledge());
      case RECONCILE -> reconcile(f, call.getReconcile());
      case MESSAGE -> message(f, call.getMessage());
      case SHUTDOWN -> shutdown(f, call.getShutdown());
      case TEARDOWN -> frameworks.remove(f, "torn down by its scheduler");
      case UPDATE_FRAMEWORK -> updateFramework(f, call.getUpdateFramework());
      default -> frameworks.sendError(link, "unsupported call type " + call.getType());
    }
  }

  private void accept(FrameworkRecord f, Call.Accept accept) {
    List<OfferRecord> used = new ArrayList<>();
    String invalid = null;
    for (OfferID oid : accept.getOfferIdsList()) {
      OfferRecord o = f.offers.get(oid.getValue());
      if (o == null) {
        invalid = "offer " + oid.getValue() + " is no longer valid";
      } else if (!used.isEmpty() && !used.get(0).agentId().equals(o.agentId())) {
        invalid = "the offers of one ACCEPT must all be for the same agent";
      } else if (used.contains(o)) {
        invalid = "offer " + oid.getValue() + " is listed twice";
      } else {
        used.add(o);
      }
    }
    if (used.isEmpty() && invalid == null) {
      invalid = "ACCEPT names no offer";
    }
    used.forEach(o -> offers.take(o.id()));
    if (invalid != null) {
      for (OfferRecord o : used) {
        offers.recover(f.id, o.agentId(), o.resources(), Duration.ZERO);
      }
      dropLaunches(
          f,
          accept.getOperationsList(),
          TaskState.TASK_DROPPED,
          TaskStatus.Reason.REASON_INVALID_OFFERS,
          invalid);
      return;
    }
    String agentId = used.get(0).agentId();
    AgentRecord agent = cluster.agents.get(agentId);
    Resources left = Resources.EMPTY;
    for (OfferRecord o : used) {
      left = left.plus(o.resources());
    }
    String role = used.get(0).role();
    for (Offer.Operation op : accept.getOperationsList()) {
      switch (op.getType()) {
        case LAUNCH -> {
          List<TaskInfo> launched = new ArrayList<>(op.getLaunch().getTaskInfosCount());
          for (TaskInfo task : op.getLaunch().getTaskInfosList()) {
            left = launch(f, agent, role, task, left, launched);
          }
          sendLaunches(f, agent, launched);
        }
        case LAUNCH_GROUP -> left = launchGroup(f, agent, role, op.getLaunchGroup(), left);
        default ->
            frameworks.sendError(
                f.link,
                "operation "
                    + op.getType()
                    + " is not supported by this master; only LAUNCH and LAUNCH_GROUP");
      }
    }
    Duration refuse = refuseOf(accept.hasFilters() ? accept.getFilters() : null);
    offers.recover(f.id, agentId, left, refuse);
  }

  private Duration refuseOf(io.dcos.kernel.protocol.Filters filters) {
    if (filters == null || !filters.hasRefuseSeconds()) {
      return context.properties().defaultRefuse();
    }
    double seconds = Math.max(0, filters.getRefuseSeconds());
    return Duration.ofMillis((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2.0));
  }

  /** True when the framework has a live (non-terminal) task with this id. */
  private static boolean isLive(FrameworkRecord f, String taskId) {
    TaskRecord t = f.tasks.get(taskId);
    return t != null && !t.terminal();
  }

  private static TaskValidator.Verdict check(
      FrameworkRecord f, AgentRecord agent, TaskInfo task, Resources available, boolean group) {
    if (agent == null || !agent.reachable || agent.link == null) {
      return TaskValidator.Verdict.invalid(
          "agent " + task.getAgentId().getValue() + " is not reachable");
    }
    return TaskValidator.validate(task, agent.id, id -> isLive(f, id), available, group);
  }

  /**
   * Records one task if valid and adds it to {@code launched}, returning the offered resources
   * still left.
   */
  private Resources launch(
      FrameworkRecord f,
      AgentRecord agent,
      String role,
      TaskInfo task,
      Resources left,
      List<TaskInfo> launched) {
    TaskValidator.Verdict verdict = check(f, agent, task, left, false);
    if (!verdict.valid()) {
      sendMasterStatus(
          f, task, TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_INVALID, verdict.problem());
      return left;
    }
    Resources resources = verdict.resources();
    addTask(f, agent, role, task, resources);
    launched.add(task);
    return left.minus(resources);
  }

  /**
   * Sends the valid tasks of one LAUNCH to the agent: a lone task as RunTask, several as one
   * RunTasks that carries the framework's info once.
   */
  private static void sendLaunches(FrameworkRecord f, AgentRecord agent, List<TaskInfo> tasks) {
    if (tasks.size() == 1) {
      agent.link.send(
          MasterMessage.newBuilder()
              .setRunTask(RunTask.newBuilder().setFramework(f.info).setTask(tasks.get(0)))
              .build());
    } else if (tasks.size() > 1) {
      agent.link.send(
          MasterMessage.newBuilder()
              .setRunTasks(RunTasks.newBuilder().setFramework(f.info).addAllTasks(tasks))
              .build());
    }
  }

  private Resources launchGroup(
      FrameworkRecord f,
      AgentRecord agent,
      String role,
      Offer.Operation.LaunchGroup op,
      Resources left) {
    TaskGroupInfo group = op.getTaskGroup();
    if (group.getTasksCount() == 0) {
      frameworks.sendError(f.link, "LAUNCH_GROUP needs at least one task");
      return left;
    }
    Resources executorResources = ResourceConverter.fromProto(op.getExecutor().getResourcesList());
    Resources need = executorResources;
    Set<String> seen = new HashSet<>();
    List<Resources> taskResources = new ArrayList<>();
    for (TaskInfo task : group.getTasksList()) {
      TaskValidator.Verdict verdict = check(f, agent, task, left.minus(need), true);
      if (verdict.valid() && !seen.add(task.getTaskId().getValue())) {
        verdict =
            TaskValidator.Verdict.invalid(
                "task_id " + task.getTaskId().getValue() + " appears twice in the group");
      }
      if (!verdict.valid()) {
        String problem = verdict.problem();
        // A task group launches whole or not at all.
        for (TaskInfo t : group.getTasksList()) {
          sendMasterStatus(
              f, t, TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_GROUP_INVALID, problem);
        }
        return left;
      }
      taskResources.add(verdict.resources());
      need = need.plus(verdict.resources());
    }
    if (!left.contains(need)) {
      for (TaskInfo t : group.getTasksList()) {
        sendMasterStatus(
            f,
            t,
            TaskState.TASK_ERROR,
            TaskStatus.Reason.REASON_TASK_GROUP_INVALID,
            "the task group and its executor need " + need + " but only " + left + " is offered");
      }
      return left;
    }
    for (int i = 0; i < group.getTasksCount(); i++) {
      TaskInfo task = group.getTasks(i);
      Resources r = taskResources.get(i);
      // The executor's own resources are accounted with the group's first task.
      addTask(
          f,
          agent,
          role,
          task.toBuilder().setExecutor(op.getExecutor()).build(),
          i == 0 ? r.plus(executorResources) : r);
    }
    agent.link.send(
        MasterMessage.newBuilder()
            .setRunTaskGroup(
                RunTaskGroup.newBuilder()
                    .setFramework(f.info)
                    .setExecutor(
                        op.getExecutor().toBuilder()
                            .setFrameworkId(FrameworkID.newBuilder().setValue(f.id)))
                    .setTaskGroup(group))
            .build());
    return left.minus(need);
  }

  private void addTask(
      FrameworkRecord f, AgentRecord agent, String role, TaskInfo info, Resources resources) {
    Task.Builder task =
        Task.newBuilder()
            .setName(info.getName())
            .setTaskId(info.getTaskId())
            .setFrameworkId(FrameworkID.newBuilder().setValue(f.id))
            .setAgentId(agent.info.getId())
            .setState(TaskState.TASK_STAGING)
            .addAllResources(info.getResourcesList())
            .setRole(role);
    if (info.hasExecutor()) {
      task.setExecutorId(info.getExecutor().getExecutorId());
    }
    if (info.hasLabels()) {
      task.setLabels(info.getLabels());
    }
    if (info.hasDiscovery()) {
      task.setDiscovery(info.getDiscovery());
    }
    if (info.hasContainer()) {
      task.setContainer(info.getContainer());
    }
    if (info.hasHealthCheck()) {
      task.setHealthCheck(info.getHealthCheck());
    }
    if (info.hasKillPolicy()) {
      task.setKillPolicy(info.getKillPolicy());
    }
    TaskKey key = new TaskKey(f.id, info.getTaskId().getValue());
    TaskRecord record = new TaskRecord(key, agent.id, resources, task.build());
    agent.tasks.put(key, record);
    f.tasks.put(key.taskId(), record);
    context.observers().publish(() -> OperatorEvents.taskAdded(record));
  }

  private void dropLaunches(
      FrameworkRecord f,
      List<Offer.Operation> ops,
      TaskState state,
      TaskStatus.Reason reason,
      String message) {
    for (Offer.Operation op : ops) {
      List<TaskInfo> tasks =
          op.getType() == Offer.Operation.Type.LAUNCH_GROUP
              ? op.getLaunchGroup().getTaskGroup().getTasksList()
              : op.getLaunch().getTaskInfosList();
      tasks.forEach(t -> sendMasterStatus(f, t, state, reason, message));
    }
    if (ops.isEmpty()) {
      frameworks.sendError(f.link, message);
    }
  }

  private void sendMasterStatus(
      FrameworkRecord f, TaskInfo task, TaskState state, TaskStatus.Reason reason, String message) {
    cluster.countTerminal(state);
    frameworks.sendUpdate(
        f,
        TaskStatus.newBuilder()
            .setTaskId(task.getTaskId())
            .setState(state)
            .setSource(TaskStatus.Source.SOURCE_MASTER)
            .setReason(reason)
            .setMessage(message)
            .setAgentId(task.getAgentId())
            .setTimestamp(context.nowSeconds())
            .build());
  }

  private void decline(FrameworkRecord f, Call.Decline decline) {
    Duration refuse = refuseOf(decline.hasFilters() ? decline.getFilters() : null);
    for (OfferID oid : decline.getOfferIdsList()) {
      OfferRecord o = f.offers.get(oid.getValue());
      if (o != null) {
        offers.take(o.id());
        offers.recover(f.id, o.agentId(), o.resources(), refuse);
      }
    }
  }

  private void kill(FrameworkRecord f, Call.Kill kill) {
    String taskId = kill.getTaskId().getValue();
    TaskRecord task = f.tasks.get(taskId);
    if (task == null) {
      TaskStatus.Builder status =
          TaskStatus.newBuilder()
              .setTaskId(kill.getTaskId())
              .setState(TaskState.TASK_UNKNOWN)
              .setSource(TaskStatus.Source.SOURCE_MASTER)
              .setReason(TaskStatus.Reason.REASON_RECONCILIATION)
              .setMessage("kill of a task the master does not know")
              .setTimestamp(context.nowSeconds());
      if (kill.hasAgentId()) {
        status.setAgentId(kill.getAgentId());
      }
      frameworks.sendUpdate(f, status.build());
      return;
    }
    AgentRecord agent = cluster.agents.get(task.agentId);
    if (agent == null || !agent.reachable || agent.link == null) {
      // The kill is delivered when the agent re-registers and the framework kills again.
      frameworks.sendUpdate(f, reconciliationStatus(task));
      return;
    }
    KillTask.Builder msg =
        KillTask.newBuilder()
            .setFrameworkId(task.task.getFrameworkId())
            .setTaskId(kill.getTaskId());
    if (kill.hasKillPolicy()) {
      msg.setKillPolicy(kill.getKillPolicy());
    } else if (task.task.hasKillPolicy()) {
      msg.setKillPolicy(task.task.getKillPolicy());
    }
    agent.link.send(MasterMessage.newBuilder().setKillTask(msg).build());
  }

  private void acknowledge(FrameworkRecord f, Call.Acknowledge ack) {
    String agentId = ack.getAgentId().getValue();
    AgentRecord agent = cluster.agents.get(agentId);
    if (agent == null) {
      frameworks.sendError(f.link, "cannot acknowledge: agent " + agentId + " is not known");
      return;
    }
    if (agent.link != null) {
      agent.link.send(
          MasterMessage.newBuilder()
              .setAcknowledgement(
                  StatusUpdateAcknowledgement.newBuilder()
                      .setFrameworkId(FrameworkID.newBuilder().setValue(f.id))
                      .setTaskId(ack.getTaskId())
                      .setUuid(ack.getUuid()))
              .build());
    }
    TaskRecord task = f.tasks.get(ack.getTaskId().getValue());
    if (task != null
        && task.agentId.equals(agentId)
        && TaskStates.isTerminal(task.task.getStatusUpdateState())
        && task.task.getStatusUpdateUuid().equals(ack.getUuid())) {
      agents.removeTask(f, agent, task);
    }
  }

  private void reconcile(FrameworkRecord f, Call.Reconcile reconcile) {
    if (reconcile.getTasksCount() == 0) {
      for (TaskRecord t : f.tasks.values()) {
        frameworks.sendUpdate(f, reconciliationStatus(t));
      }
      return;
    }
    for (Call.Reconcile.Task rt : reconcile.getTasksList()) {
      TaskRecord t = f.tasks.get(rt.getTaskId().getValue());
      if (t != null) {
        frameworks.sendUpdate(f, reconciliationStatus(t));
        continue;
      }
      String agentId = rt.hasAgentId() ? rt.getAgentId().getValue() : "";
      if (!agentId.isEmpty() && cluster.recoveringAgents.contains(agentId)) {
        continue; // The agent may still bring the task back; Mesos stays silent too.
      }
      AgentRecord agent = agentId.isEmpty() ? null : cluster.agents.get(agentId);
      TaskState state;
      if (agent != null && !agent.reachable) {
        state = TaskState.TASK_UNREACHABLE;
      } else if (agent != null) {
        state = TaskState.TASK_GONE;
      } else {
        state = TaskState.TASK_UNKNOWN;
      }
      TaskStatus.Builder status =
          TaskStatus.newBuilder()
              .setTaskId(rt.getTaskId())
              .setState(state)
              .setSource(TaskStatus.Source.SOURCE_MASTER)
              .setReason(TaskStatus.Reason.REASON_RECONCILIATION)
              .setMessage("reconciliation: task unknown to the master")
              .setTimestamp(context.nowSeconds());
      if (rt.hasAgentId()) {
        status.setAgentId(rt.getAgentId());
      }
      frameworks.sendUpdate(f, status.build());
    }
  }

  private TaskStatus reconciliationStatus(TaskRecord t) {
    TaskStatus.Builder status =
        TaskStatus.newBuilder()
            .setTaskId(t.task.getTaskId())
            .setState(t.state())
            .setSource(TaskStatus.Source.SOURCE_MASTER)
            .setReason(TaskStatus.Reason.REASON_RECONCILIATION)
            .setMessage("reconciliation: latest state")
            .setAgentId(t.task.getAgentId())
            .setTimestamp(context.nowSeconds());
    if (t.task.getStatusesCount() > 0) {
      TaskStatus last = t.task.getStatuses(t.task.getStatusesCount() - 1);
      if (last.hasHealthy()) {
        status.setHealthy(last.getHealthy());
      }
      if (last.hasContainerStatus()) {
        status.setContainerStatus(last.getContainerStatus());
      }
    }
    return status.build();
  }

  private void message(FrameworkRecord f, Call.Message message) {
    AgentRecord agent = cluster.agents.get(message.getAgentId().getValue());
    if (agent == null || agent.link == null) {
      frameworks.sendError(
          f.link,
          "cannot deliver message: agent " + message.getAgentId().getValue() + " is not connected");
      return;
    }
    agent.link.send(
        MasterMessage.newBuilder()
            .setFrameworkMessage(
                FrameworkMessage.newBuilder()
                    .setFrameworkId(FrameworkID.newBuilder().setValue(f.id))
                    .setExecutorId(message.getExecutorId())
                    .setData(message.getData()))
            .build());
  }

  private void shutdown(FrameworkRecord f, Call.Shutdown shutdown) {
    String executorId = shutdown.getExecutorId().getValue();
    for (TaskRecord t : List.copyOf(f.tasks.values())) {
      if (t.task.getExecutorId().getValue().equals(executorId)
          && t.agentId.equals(shutdown.getAgentId().getValue())
          && !t.terminal()) {
        kill(
            f,
            Call.Kill.newBuilder()
                .setTaskId(t.task.getTaskId())
                .setAgentId(shutdown.getAgentId())
                .build());
      }
    }
  }

  private void updateFramework(FrameworkRecord f, Call.UpdateFramework update) {
    if (!update.getFrameworkInfo().getId().getValue().equals(f.id)) {
      frameworks.sendError(f.link, "UPDATE_FRAMEWORK framework_info.id must be " + f.id);
      return;
    }
    f.info = update.getFrameworkInfo();
    cluster.allocator.updateFramework(f.id, frameworks.profile(f, update.getSuppressedRolesList()));
    context.observers().publish(() -> OperatorEvents.frameworkUpdated(f));
    requestAllocation.run();
  }
}
