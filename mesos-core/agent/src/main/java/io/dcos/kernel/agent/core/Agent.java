package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.checkpoint.CheckpointStore;
import io.dcos.kernel.agent.checkpoint.TaskCheckpoint;
import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.master.MasterConnection;
import io.dcos.kernel.agent.updates.StatusUpdateManager;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.Heartbeat;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.RunTaskGroup;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: registers with the leading master, runs what it is told, and reports every task's
 * state reliably. One loop thread owns all state. On start it recovers its checkpoint first, so a
 * restarted agent re-registers with the same id and its live tasks.
 */
public final class Agent implements MasterConnection.Handler, AutoCloseable {
  /** What the agent advertises and where it keeps its files. */
  public record Identity(AgentInfo info, int httpPort, Path workDir, String version) {}

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final Identity identity;
  private final CheckpointStore store;
  private final ScheduledExecutorService loop;
  private final ExecutorService workers;
  private final MasterConnection connection;
  private final StatusUpdateManager updates;
  private final TaskLifecycle tasks;
  private volatile String agentId;
  private volatile boolean registered;
  private volatile MasterInfo master;
  private ScheduledFuture<?> heartbeats;

  public Agent(
      Identity identity,
      Clock clock,
      Duration statusRetry,
      Duration statusMaxRetry,
      Duration registrationBackoff,
      Duration defaultGrace,
      MasterDetector detector,
      Containerizer containerizer,
      Fetching fetching,
      HealthChecking healthChecking) {
    this.identity = identity;
    this.store = new CheckpointStore(identity.workDir());
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "agent-loop");
              t.setDaemon(true);
              return t;
            });
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "agent-launcher");
              t.setDaemon(true);
              return t;
            });
    this.connection = new MasterConnection(detector, this, loop, registrationBackoff);
    this.updates =
        new StatusUpdateManager(
            store,
            clock,
            statusRetry,
            statusMaxRetry,
            this::sendIfRegistered,
            (key, status) -> tasks().acknowledgedTerminal(key.frameworkId(), key.taskId()));
    this.tasks =
        new TaskLifecycle(
            identity.workDir(),
            identity.info().getHostname(),
            clock,
            defaultGrace,
            store,
            updates,
            containerizer,
            fetching,
            healthChecking,
            loop,
            workers,
            () -> agentId,
            this::sendIfRegistered);
  }

  private TaskLifecycle tasks() {
    return tasks;
  }

  /** Recovers the checkpoint, then starts following the master. */
  public void start() {
    CompletableFuture<Void> recovered =
        CompletableFuture.runAsync(
            () -> {
              agentId = store.agentId().orElse(null);
              List<TaskCheckpoint> checkpoints = store.recover();
              checkpoints.forEach(tasks::recover);
              LOG.info(
                  "recovered agent {} with {} tasks",
                  agentId == null ? "(new)" : agentId,
                  checkpoints.size());
            },
            loop);
    recovered.join();
    long retryTick = 200;
    loop.scheduleAtFixedRate(updates::retryDue, retryTick, retryTick, TimeUnit.MILLISECONDS);
    connection.start();
  }

  public String agentId() {
    return agentId;
  }

  public boolean registered() {
    return registered;
  }

  public MasterInfo master() {
    return master;
  }

  private boolean sendIfRegistered(AgentMessage message) {
    return registered && connection.send(message);
  }

  @Override
  public void connected(MasterInfo leader) {
    master = leader;
    registered = false;
    connection.send(AgentMessage.newBuilder().setRegister(registration()).build());
  }

  private Register registration() {
    AgentInfo.Builder info = identity.info().toBuilder();
    if (agentId != null) {
      info.setId(AgentID.newBuilder().setValue(agentId));
    }
    Register.Builder r =
        Register.newBuilder()
            .setAgentInfo(info)
            .setReregister(agentId != null)
            .setVersion(identity.version())
            .setHttpPort(identity.httpPort());
    Map<String, FrameworkInfo> frameworks = new LinkedHashMap<>();
    for (AgentTask t : tasks.tasks.values()) {
      frameworks.put(t.frameworkId(), t.framework);
      r.addTasks(toTask(t));
    }
    r.addAllFrameworks(frameworks.values());
    return r.build();
  }

  static Task toTask(AgentTask t) {
    Task.Builder b =
        Task.newBuilder()
            .setName(t.task.getName())
            .setTaskId(t.task.getTaskId())
            .setFrameworkId(t.framework.getId())
            .setAgentId(t.task.getAgentId())
            .setState(t.state)
            .addAllResources(t.task.getResourcesList());
    if (t.task.hasExecutor()) {
      b.setExecutorId(t.task.getExecutor().getExecutorId());
    }
    if (t.task.hasLabels()) {
      b.setLabels(t.task.getLabels());
    }
    if (t.task.hasDiscovery()) {
      b.setDiscovery(t.task.getDiscovery());
    }
    if (t.task.hasContainer()) {
      b.setContainer(t.task.getContainer());
    }
    if (t.task.hasHealthCheck()) {
      b.setHealthCheck(t.task.getHealthCheck());
    }
    return b.build();
  }

  @Override
  public void message(MasterMessage message) {
    switch (message.getMessageCase()) {
      case REGISTERED -> onRegistered(message.getRegistered());
      case RUN_TASK ->
          tasks.launch(message.getRunTask().getFramework(), message.getRunTask().getTask());
      case RUN_TASKS -> {
        for (TaskInfo task : message.getRunTasks().getTasksList()) {
          tasks.launch(message.getRunTasks().getFramework(), task);
        }
      }
      case RUN_TASK_GROUP -> launchGroup(message.getRunTaskGroup());
      case KILL_TASK ->
          tasks.kill(
              message.getKillTask().getFrameworkId().getValue(),
              message.getKillTask().getTaskId().getValue(),
              message.getKillTask().hasKillPolicy() ? message.getKillTask().getKillPolicy() : null);
      case ACKNOWLEDGEMENT ->
          updates.acknowledge(
              message.getAcknowledgement().getFrameworkId().getValue(),
              message.getAcknowledgement().getTaskId().getValue(),
              message.getAcknowledgement().getUuid());
      case SHUTDOWN_FRAMEWORK ->
          tasks.shutdownFramework(message.getShutdownFramework().getFrameworkId().getValue());
      case REREGISTER_REQUEST -> {
        registered = false;
        connection.send(AgentMessage.newBuilder().setRegister(registration()).build());
      }
      case REFUSED -> {
        LOG.error(
            "the master refused this agent: {}. Clear {} to join as a new agent.",
            message.getRefused().getMessage(),
            identity.workDir().resolve("meta"));
        registered = false;
      }
      default -> LOG.debug("ignoring {} from the master", message.getMessageCase());
    }
  }

  private void launchGroup(RunTaskGroup group) {
    for (TaskInfo task : group.getTaskGroup().getTasksList()) {
      tasks.launch(group.getFramework(), task.toBuilder().setExecutor(group.getExecutor()).build());
    }
  }

  private void onRegistered(io.dcos.kernel.protocol.agent.Registered r) {
    String id = r.getAgentId().getValue();
    if (agentId == null || !agentId.equals(id)) {
      agentId = id;
      store.saveAgentId(id);
    }
    registered = true;
    LOG.info("registered with the master as agent {}", id);
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    long every = Math.max(100, (long) (r.getHeartbeatIntervalSeconds() * 1000));
    heartbeats =
        loop.scheduleAtFixedRate(
            () ->
                sendIfRegistered(
                    AgentMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build()),
            every,
            every,
            TimeUnit.MILLISECONDS);
    updates.resendAll();
  }

  @Override
  public void disconnected(String why) {
    registered = false;
    if (heartbeats != null) {
      heartbeats.cancel(false);
      heartbeats = null;
    }
  }

  /** Reads the agent's state on its loop (for the HTTP endpoints). */
  public <T> T query(Function<AgentView, T> reader) {
    return CompletableFuture.supplyAsync(
            () ->
                reader.apply(new AgentView(identity, agentId, master, registered, tasks, updates)),
            loop)
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
  }

  @Override
  public void close() {
    connection.close();
    loop.shutdownNow();
    workers.shutdownNow();
  }
}
