package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the REST API asks of the scheduler: deployments, instances, kills, the launch queue and
 * reconciliation. Every method may be called from any request thread; calls that change state run
 * on the leader only and throw {@link NotLeaderException} elsewhere. Invariant: a deployment or
 * kill is durable (stored) before the method returns.
 */
public interface ServiceScheduler {

  /**
   * Plans and starts the change from {@code original} to {@code target}, storing {@code target} as
   * the current root group together with the plan. Without {@code force} a plan touching an app
   * that another deployment touches is refused with the blocking deployment ids; with {@code force}
   * those deployments are cancelled first.
   */
  DeployResult deploy(RootGroup original, RootGroup target, boolean force);

  /** The plan that {@link #deploy} would start, without starting it ({@code dryRun=true}). */
  DeploymentPlan dryRun(RootGroup original, RootGroup target);

  /** The running deployments with their progress. */
  List<DeploymentStatus> deployments();

  /**
   * Stops deployment {@code deploymentId}. With {@code force} it is just cancelled (Marathon's
   * 202); otherwise a new deployment rolls its apps back to where they were (Marathon's 200).
   */
  CancelResult cancel(String deploymentId, boolean force);

  /** The instances of one app that exist (not expunged). */
  List<Instance> instances(PathId appId);

  /** Every instance of every app. */
  List<Instance> instances();

  /**
   * Kills instances of {@code appId}, named by instance id or task id. With {@code scale} the app's
   * instance count shrinks by the number killed (a deployment); otherwise they are replaced. With
   * {@code wipe} they are forgotten at once. Unknown ids are ignored.
   */
  KillResult kill(PathId appId, Collection<String> ids, boolean scale, boolean wipe);

  /** The launch queue as {@code GET /v2/queue} shows it. */
  List<QueueEntry> queue();

  /** Resets the launch backoff of {@code appId}; false when it is not in the queue. */
  boolean resetDelay(PathId appId);

  /** Starts an explicit, then implicit reconciliation with the kernel. */
  void reconcile();

  /** The framework id given by the kernel, once subscribed. */
  Optional<String> frameworkId();

  /** The outcome of {@link #deploy}. */
  sealed interface DeployResult {
    /** The plan was stored and started. */
    record Started(DeploymentPlan plan) implements DeployResult {}

    /** Other deployments hold some of the apps; Marathon answers 409 naming them. */
    record Conflict(List<String> deploymentIds) implements DeployResult {}
  }

  /** The outcome of {@link #cancel}. */
  sealed interface CancelResult {
    record NotFound() implements CancelResult {}

    /** Cancelled without rollback ({@code force=true}). */
    record Cancelled() implements CancelResult {}

    /** Cancelled and rolled back by {@code rollback}. */
    record RolledBack(DeploymentPlan rollback) implements CancelResult {}
  }

  /** The outcome of {@link #kill}: the killed instances and, when scaling, the deployment. */
  record KillResult(List<Instance> killed, Optional<DeploymentPlan> deployment) {}

  /**
   * A running deployment: its plan, the 1-based current step and per current action the readiness
   * results of its new instances.
   */
  record DeploymentStatus(
      DeploymentPlan plan, int currentStep, List<ReadinessResult> readinessCheckResults) {}

  /** The last readiness check of one task, Marathon's {@code readinessCheckResults} entry. */
  record ReadinessResult(
      String name, String taskId, boolean ready, Optional<ReadinessResponse> lastResponse) {}

  /** The HTTP answer of a readiness check. */
  record ReadinessResponse(int status, String contentType, String body) {}

  /** Thrown by state-changing calls on an instance that is not the leader. */
  final class NotLeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotLeaderException() {
      super("not the leader");
    }
  }
}
