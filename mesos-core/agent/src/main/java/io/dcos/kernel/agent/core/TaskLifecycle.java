package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.checkpoint.CheckpointStore;
import io.dcos.kernel.agent.checkpoint.TaskCheckpoint;
import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.containers.LaunchSpec;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.updates.StatusUpdateManager;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.KillPolicy;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.ExitedExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks on this agent from launch to their acknowledged end: sandbox, fetch, container launch,
 * health checks, kills with grace periods, the mapping of how containers end onto task states, and
 * re-attachment after an agent restart. Runs on the agent's loop; slow work (fetching, launching)
 * runs on the worker executor and reports back to the loop.
 */
final class TaskLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(TaskLifecycle.class);
  private static final int MAX_COMPLETED = 200;

  private final Path workDir;
  private final String host;
  private final Clock clock;
  private final Duration defaultGrace;
  private final CheckpointStore store;
  private final StatusUpdateManager updates;
  private final Containerizer containerizer;
  private final Fetching fetching;
  private final HealthChecking healthChecking;
  private final Executor loop;
  private final Executor workers;
  private final Supplier<String> agentId;
  private final Consumer<AgentMessage> toMaster;
  private final StatusFactory statuses;

  final Map<String, AgentTask> tasks = new LinkedHashMap<>();
  final Deque<AgentTask> completed = new ArrayDeque<>();

  TaskLifecycle(
      Path workDir,
      String host,
      Clock clock,
      Duration defaultGrace,
      CheckpointStore store,
      StatusUpdateManager updates,
      Containerizer containerizer,
      Fetching fetching,
      HealthChecking healthChecking,
      Executor loop,
      Executor workers,
      Supplier<String> agentId,
      Consumer<AgentMessage> toMaster) {
    this.workDir = workDir;
    this.host = host;
    this.clock = clock;
    this.defaultGrace = defaultGrace;
    this.store = store;
    this.updates = updates;
    this.containerizer = containerizer;
    this.fetching = fetching;
    this.healthChecking = healthChecking;
    this.loop = loop;
    this.workers = workers;
    this.agentId = agentId;
    this.toMaster = toMaster;
    this.statuses = new StatusFactory(clock, host);
  }

  static String key(String frameworkId, String taskId) {
    return frameworkId + "/" + taskId;
  }

  void launch(FrameworkInfo framework, TaskInfo task) {
    String fid = framework.getId().getValue();
    String key = key(fid, task.getTaskId().getValue());
    if (tasks.containsKey(key)) {
      LOG.info("ignoring a second launch of task {}", key);
      return;
    }
    String containerId = UUID.randomUUID().toString();
    String executorId =
        task.hasExecutor()
            ? task.getExecutor().getExecutorId().getValue()
            : task.getTaskId().getValue();
    Path sandbox =
        workDir
            .resolve("slaves")
            .resolve(agentId.get())
            .resolve("frameworks")
            .resolve(fid)
            .resolve("executors")
            .resolve(executorId)
            .resolve("runs")
            .resolve(containerId);
    AgentTask t = new AgentTask(framework, task, containerId, sandbox);
    tasks.put(key, t);
    store.saveTask(framework, task, containerId, sandbox);
    report(t, TaskState.TASK_STARTING, TaskStatus.Source.SOURCE_EXECUTOR, null, null);
    workers.execute(() -> prepareAndStart(t));
  }

  private void prepareAndStart(AgentTask t) {
    Container container;
    try {
      Files.createDirectories(t.sandbox);
      fetching.fetch(t.task.getCommand().getUrisList(), t.sandbox);
      Map<String, String> env =
          TaskEnvironment.build(
              t.task,
              t.frameworkId(),
              agentId.get(),
              t.containerId,
              t.executorId(),
              t.sandbox.toString(),
              host);
      container =
          containerizer.launch(
              new LaunchSpec(
                  t.containerId,
                  t.frameworkId(),
                  t.task,
                  t.sandbox,
                  env,
                  ResourceConverter.fromProto(t.task.getResourcesList())));
    } catch (Exception e) {
      String why = e instanceof ContainerException ? e.getMessage() : e.toString();
      loop.execute(() -> launchFailed(t, why));
      return;
    }
    loop.execute(() -> started(t, container));
  }

  private void launchFailed(AgentTask t, String why) {
    LOG.warn("task {} failed to launch: {}", t.taskId(), why);
    finish(
        t,
        t.killRequested
            ? new TerminationStatus(TaskState.TASK_KILLED, null, "killed during launch")
            : new TerminationStatus(
                TaskState.TASK_FAILED, TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, why));
  }

  private void started(AgentTask t, Container container) {
    t.container = container;
    t.startedAt = clock.instant();
    store.saveContainer(t.frameworkId(), t.taskId(), container.checkpoint());
    attach(t);
    if (t.killRequested) {
      containerizer.kill(container, graceOf(t, null));
      return;
    }
    report(t, TaskState.TASK_RUNNING, TaskStatus.Source.SOURCE_EXECUTOR, null, null);
    startHealth(t);
  }

  private void attach(AgentTask t) {
    t.container
        .termination()
        .whenComplete(
            (termination, error) ->
                loop.execute(
                    () ->
                        terminated(
                            t,
                            termination != null
                                ? termination
                                : new Termination(
                                    null, Termination.Reason.LOST, String.valueOf(error)))));
  }

  private void startHealth(AgentTask t) {
    if (!t.task.hasHealthCheck() || healthChecking == null) {
      return;
    }
    t.health =
        healthChecking.watch(
            t.task,
            t.container,
            host,
            (healthy, kill, message) ->
                loop.execute(() -> healthResult(t, healthy, kill, message)));
  }

  private void healthResult(AgentTask t, boolean healthy, boolean kill, String message) {
    if (TaskStates.isTerminal(t.state) || !tasks.containsKey(key(t.frameworkId(), t.taskId()))) {
      return;
    }
    boolean changed = t.healthy == null || t.healthy != healthy;
    t.healthy = healthy;
    if (changed && t.state == TaskState.TASK_RUNNING) {
      report(
          t,
          TaskState.TASK_RUNNING,
          TaskStatus.Source.SOURCE_EXECUTOR,
          TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED,
          message);
    }
    if (kill && !t.killRequested) {
      kill(t, null, "task killed after failing its health check: " + message);
    }
  }

  private void terminated(AgentTask t, Termination termination) {
    if (TaskStates.isTerminal(t.state)) {
      return;
    }
    finish(t, TerminationStatus.of(termination, t.killRequested, t.killReason));
    // As Mesos's command executor exiting: the framework hears FAILURE with the exit status.
    ExitedExecutor.Builder exited =
        ExitedExecutor.newBuilder()
            .setFrameworkId(t.framework.getId())
            .setExecutorId(ExecutorID.newBuilder().setValue(t.executorId()));
    if (termination.exitStatus() != null) {
      exited.setStatus(termination.exitStatus());
    }
    toMaster.accept(AgentMessage.newBuilder().setExitedExecutor(exited).build());
  }

  private void finish(AgentTask t, TerminationStatus outcome) {
    t.stopHealth();
    report(
        t, outcome.state(), TaskStatus.Source.SOURCE_EXECUTOR, outcome.reason(), outcome.message());
  }

  void kill(String frameworkId, String taskId, KillPolicy policy) {
    AgentTask t = tasks.get(key(frameworkId, taskId));
    if (t == null || TaskStates.isTerminal(t.state)) {
      return;
    }
    kill(t, policy, null);
  }

  private void kill(AgentTask t, KillPolicy policy, String reason) {
    if (t.killRequested && t.container == null) {
      return;
    }
    t.killRequested = true;
    t.killReason = reason;
    if (t.container == null) {
      return; // The launch in progress sees the request and stops the container.
    }
    if (t.hasCapability(FrameworkInfo.Capability.Type.TASK_KILLING_STATE)
        && t.state != TaskState.TASK_KILLING) {
      report(t, TaskState.TASK_KILLING, TaskStatus.Source.SOURCE_EXECUTOR, null, reason);
    }
    containerizer.kill(t.container, graceOf(t, policy));
  }

  private Duration graceOf(AgentTask t, KillPolicy policy) {
    KillPolicy p = policy != null ? policy : t.task.hasKillPolicy() ? t.task.getKillPolicy() : null;
    if (p != null && p.hasGracePeriod()) {
      return Duration.ofNanos(Math.max(0, p.getGracePeriod().getNanoseconds()));
    }
    return defaultGrace;
  }

  /** Kills every task of the framework and forgets them: nobody will acknowledge them. */
  void shutdownFramework(String frameworkId) {
    updates.dropFramework(frameworkId);
    for (AgentTask t : List.copyOf(tasks.values())) {
      if (t.frameworkId().equals(frameworkId)) {
        t.killRequested = true;
        t.stopHealth();
        if (t.container != null && !TaskStates.isTerminal(t.state)) {
          containerizer.kill(t.container, graceOf(t, null));
        }
        forget(t);
      }
    }
    store.removeFramework(frameworkId);
  }

  /** A task's terminal update was acknowledged: keep it only in the recent history. */
  void acknowledgedTerminal(String frameworkId, String taskId) {
    AgentTask t = tasks.get(key(frameworkId, taskId));
    if (t != null) {
      forget(t);
      store.removeTask(frameworkId, taskId);
      if (t.container != null) {
        containerizer.forget(t.container.checkpoint());
      }
    }
  }

  private void forget(AgentTask t) {
    tasks.remove(key(t.frameworkId(), t.taskId()));
    completed.addLast(t);
    while (completed.size() > MAX_COMPLETED) {
      completed.removeFirst();
    }
  }

  /** Re-attaches to a checkpointed task after an agent restart. */
  void recover(TaskCheckpoint cp) {
    String fid = cp.framework().getId().getValue();
    AgentTask t = new AgentTask(cp.framework(), cp.task(), cp.containerId(), cp.sandbox());
    tasks.put(key(fid, t.taskId()), t);
    updates.restore(fid, cp.pendingUpdates());
    if (cp.latestStatus() != null) {
      t.state = cp.latestStatus().getState();
      if (cp.latestStatus().hasHealthy()) {
        t.healthy = cp.latestStatus().getHealthy();
      }
    }
    if (TaskStates.isTerminal(t.state)) {
      if (!updates.hasPending(fid, t.taskId())) {
        acknowledgedTerminal(fid, t.taskId());
      }
      return;
    }
    Optional<Container> container =
        cp.container() == null ? Optional.empty() : containerizer.recover(cp.container());
    if (container.isEmpty()) {
      finish(
          t,
          new TerminationStatus(
              TaskState.TASK_FAILED,
              TaskStatus.Reason.REASON_AGENT_RESTARTED,
              cp.container() == null
                  ? "the agent restarted before the task's container started"
                  : "the task's container is gone after an agent restart"));
      return;
    }
    t.container = container.get();
    t.startedAt = clock.instant();
    attach(t);
    if (t.state == TaskState.TASK_STARTING || t.state == TaskState.TASK_STAGING) {
      report(t, TaskState.TASK_RUNNING, TaskStatus.Source.SOURCE_EXECUTOR, null, null);
    }
    startHealth(t);
    LOG.info("re-attached to task {} in container {}", t.taskId(), t.containerId);
  }

  private void report(
      AgentTask t,
      TaskState state,
      TaskStatus.Source source,
      TaskStatus.Reason reason,
      String message) {
    t.state = state;
    TaskStatus.Builder status = statuses.status(t, agentId.get(), state, source);
    if (reason != null) {
      status.setReason(reason);
    }
    if (message != null) {
      status.setMessage(message);
    }
    updates.update(t.frameworkId(), status.build());
  }
}
