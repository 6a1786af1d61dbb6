package io.dcos.kernel.sdk.calls;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.DurationInfo;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.ExecutorInfo;
import io.dcos.kernel.protocol.Filters;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.KillPolicy;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskGroupInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.scheduler.Call;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds the scheduler {@link Call}s a framework sends, as plain data. Every call but SUBSCRIBE is
 * built without {@code framework_id}: the connection stamps the subscribed framework's id when it
 * sends it. Pure: no I/O.
 */
public final class Calls {
  private Calls() {}

  /**
   * SUBSCRIBE; when {@code id} is present (re-subscription after a disconnect or failover) both
   * {@code framework_info.id} and {@code framework_id} carry it.
   */
  public static Call subscribe(
      FrameworkInfo info, Optional<FrameworkID> id, Collection<String> suppressedRoles) {
    FrameworkInfo.Builder framework = info.toBuilder();
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE);
    id.ifPresent(
        i -> {
          framework.setId(i);
          call.setFrameworkId(i);
        });
    return call.setSubscribe(
            Call.Subscribe.newBuilder()
                .setFrameworkInfo(framework)
                .addAllSuppressedRoles(suppressedRoles))
        .build();
  }

  public static Call accept(
      Collection<OfferID> offerIds, Collection<Offer.Operation> operations, Filters filters) {
    return Call.newBuilder()
        .setType(Call.Type.ACCEPT)
        .setAccept(
            Call.Accept.newBuilder()
                .addAllOfferIds(offerIds)
                .addAllOperations(operations)
                .setFilters(filters))
        .build();
  }

  /** ACCEPT of one offer with one LAUNCH operation holding {@code tasks}. */
  public static Call launch(OfferID offerId, Collection<TaskInfo> tasks) {
    Offer.Operation launch =
        Offer.Operation.newBuilder()
            .setType(Offer.Operation.Type.LAUNCH)
            .setLaunch(Offer.Operation.Launch.newBuilder().addAllTaskInfos(tasks))
            .build();
    return accept(List.of(offerId), List.of(launch), Filters.getDefaultInstance());
  }

  /** ACCEPT of one offer with one LAUNCH_GROUP operation (a pod run by the default executor). */
  public static Call launchGroup(OfferID offerId, ExecutorInfo executor, TaskGroupInfo group) {
    Offer.Operation launch =
        Offer.Operation.newBuilder()
            .setType(Offer.Operation.Type.LAUNCH_GROUP)
            .setLaunchGroup(
                Offer.Operation.LaunchGroup.newBuilder().setExecutor(executor).setTaskGroup(group))
            .build();
    return accept(List.of(offerId), List.of(launch), Filters.getDefaultInstance());
  }

  /** DECLINE; the declined resources are not offered again for {@code refuseSeconds}. */
  public static Call decline(Collection<OfferID> offerIds, double refuseSeconds) {
    return Call.newBuilder()
        .setType(Call.Type.DECLINE)
        .setDecline(
            Call.Decline.newBuilder()
                .addAllOfferIds(offerIds)
                .setFilters(Filters.newBuilder().setRefuseSeconds(refuseSeconds)))
        .build();
  }

  /** REVIVE for {@code roles}; empty means all the framework's roles. */
  public static Call revive(Collection<String> roles) {
    return Call.newBuilder()
        .setType(Call.Type.REVIVE)
        .setRevive(Call.Revive.newBuilder().addAllRoles(roles))
        .build();
  }

  /** SUPPRESS for {@code roles}; empty means all the framework's roles. */
  public static Call suppress(Collection<String> roles) {
    return Call.newBuilder()
        .setType(Call.Type.SUPPRESS)
        .setSuppress(Call.Suppress.newBuilder().addAllRoles(roles))
        .build();
  }

  /** KILL; {@code gracePeriod} overrides the task's kill policy when present. */
  public static Call kill(TaskID taskId, AgentID agentId, Optional<Duration> gracePeriod) {
    Call.Kill.Builder kill = Call.Kill.newBuilder().setTaskId(taskId);
    if (!agentId.getValue().isEmpty()) {
      kill.setAgentId(agentId);
    }
    gracePeriod.ifPresent(
        g ->
            kill.setKillPolicy(
                KillPolicy.newBuilder()
                    .setGracePeriod(DurationInfo.newBuilder().setNanoseconds(g.toNanos()))));
    return Call.newBuilder().setType(Call.Type.KILL).setKill(kill).build();
  }

  /**
   * ACKNOWLEDGE of a status update. Throws {@link IllegalArgumentException} when the status has no
   * uuid: such updates come from the master and must not be acknowledged.
   */
  public static Call acknowledge(TaskStatus status) {
    if (status.getUuid().isEmpty()) {
      throw new IllegalArgumentException(
          "status of task " + status.getTaskId().getValue() + " has no uuid to acknowledge");
    }
    return Call.newBuilder()
        .setType(Call.Type.ACKNOWLEDGE)
        .setAcknowledge(
            Call.Acknowledge.newBuilder()
                .setAgentId(status.getAgentId())
                .setTaskId(status.getTaskId())
                .setUuid(status.getUuid()))
        .build();
  }

  /** RECONCILE; an empty list asks for every task of the framework (implicit reconciliation). */
  public static Call reconcile(Collection<Call.Reconcile.Task> tasks) {
    return Call.newBuilder()
        .setType(Call.Type.RECONCILE)
        .setReconcile(Call.Reconcile.newBuilder().addAllTasks(tasks))
        .build();
  }

  /** One task of an explicit reconciliation; {@code agentId} may be empty when unknown. */
  public static Call.Reconcile.Task reconcileTask(TaskID taskId, AgentID agentId) {
    Call.Reconcile.Task.Builder t = Call.Reconcile.Task.newBuilder().setTaskId(taskId);
    if (!agentId.getValue().isEmpty()) {
      t.setAgentId(agentId);
    }
    return t.build();
  }

  public static Call message(AgentID agentId, ExecutorID executorId, byte[] data) {
    return Call.newBuilder()
        .setType(Call.Type.MESSAGE)
        .setMessage(
            Call.Message.newBuilder()
                .setAgentId(agentId)
                .setExecutorId(executorId)
                .setData(ByteString.copyFrom(data)))
        .build();
  }

  /** TEARDOWN: the master kills every task of the framework and forgets it. */
  public static Call teardown() {
    return Call.newBuilder().setType(Call.Type.TEARDOWN).build();
  }

  public static Call shutdown(ExecutorID executorId, AgentID agentId) {
    return Call.newBuilder()
        .setType(Call.Type.SHUTDOWN)
        .setShutdown(Call.Shutdown.newBuilder().setExecutorId(executorId).setAgentId(agentId))
        .build();
  }

  public static Call updateFramework(FrameworkInfo info, Collection<String> suppressedRoles) {
    return Call.newBuilder()
        .setType(Call.Type.UPDATE_FRAMEWORK)
        .setUpdateFramework(
            Call.UpdateFramework.newBuilder()
                .setFrameworkInfo(info)
                .addAllSuppressedRoles(suppressedRoles))
        .build();
  }
}
