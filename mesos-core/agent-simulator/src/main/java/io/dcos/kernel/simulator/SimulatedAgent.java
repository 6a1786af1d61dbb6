package io.dcos.kernel.simulator;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentChannelGrpc;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.AgentMessageBatch;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.MasterMessageBatch;
import io.dcos.kernel.protocol.agent.Registered;
import io.dcos.kernel.sdk.connection.Backoff;
import io.dcos.kernel.sdk.connection.ClientStream;
import io.dcos.kernel.simulator.tasks.TaskBehaviour;
import io.dcos.kernel.simulator.tasks.TaskPlan;
import io.dcos.kernel.simulator.updates.UpdateQueue;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent that speaks the real agent protocol to the leading master without running anything:
 * registers, heartbeats, "runs" tasks by following their {@link TaskBehaviour}, delivers status
 * updates reliably (in order per task, resent until acknowledged and after every registration),
 * kills, reconciles and re-registers on request or when the leader changes. It owns no thread: its
 * steps run one at a time on the cluster's shared pool. Invariant: at most one stream is current,
 * and messages from older streams are ignored.
 *
 * <p>Fault controls: {@link #pause()} stops heartbeats, {@link #disconnect()} cuts the stream until
 * {@link #reconnect()}, {@link #crash()} drops the stream like a dead process until {@link
 * #restart()}, which re-registers with every task and resends pending updates. Tasks keep running
 * (their timers fire) while the agent is cut off; their updates wait for the next registration.
 */
public final class SimulatedAgent {
  /** Where the agent is in its life with the master. */
  public enum State {
    /** Not connected; waiting for a leader or for its reconnection delay. */
    IDLE,
    /** Register sent, no answer yet. */
    CONNECTING,
    REGISTERED,
    /** Cut off by {@link #disconnect()}. */
    DISCONNECTED,
    /** Down after {@link #crash()}. */
    CRASHED,
    /** The master refused it; it stays down. */
    REFUSED,
    CLOSED
  }

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgent.class);

  private final int index;
  private final AgentSpec spec;
  private final SimulationContext ctx;
  private final SerialExecutor serial;
  private final Backoff backoff;
  private volatile AgentID agentId;
  private volatile State state = State.IDLE;
  private volatile boolean paused;
  private volatile long heartbeatsSent;
  private volatile int registrations;
  private volatile String refusal;

  // Serial-executor state.
  private ClientStream<AgentMessage, MasterMessage> stream;
  private ScheduledFuture<?> heartbeat;
  private ScheduledFuture<?> reconnectTimer;
  private final Map<String, SimulatedTask> tasks = new LinkedHashMap<>();
  private final Map<String, FrameworkInfo> frameworks = new HashMap<>();

  SimulatedAgent(int index, AgentSpec spec, SimulationContext ctx) {
    this.index = index;
    this.spec = spec;
    this.ctx = ctx;
    this.serial = new SerialExecutor(ctx.pool);
    this.backoff =
        new Backoff(
            ctx.settings.reconnectMin(), ctx.settings.reconnectMax(), ThreadLocalRandom.current());
  }

  // ---- Observation (thread-safe) ----

  public int index() {
    return index;
  }

  public String hostname() {
    return spec.hostname();
  }

  public AgentSpec spec() {
    return spec;
  }

  /** The id the master gave, once registered. */
  public Optional<AgentID> agentId() {
    return Optional.ofNullable(agentId);
  }

  public State state() {
    return state;
  }

  public boolean isPaused() {
    return paused;
  }

  public long heartbeatsSent() {
    return heartbeatsSent;
  }

  /** How many times the master answered Registered. */
  public int registrations() {
    return registrations;
  }

  /** The master's reason when it refused this agent. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The latest state of every task the agent knows (ghosts excluded), by task id. */
  public Map<String, TaskState> taskStates() {
    return query(
        () -> {
          Map<String, TaskState> out = new LinkedHashMap<>();
          tasks.values().stream()
              .filter(t -> !t.ghost)
              .forEach(t -> out.put(t.info.getTaskId().getValue(), t.state));
          return out;
        });
  }

  /** Status updates waiting for an acknowledgement, over all tasks. */
  public int pendingUpdates() {
    return query(() -> tasks.values().stream().mapToInt(t -> t.updates.size()).sum());
  }

  private <T> T query(java.util.function.Supplier<T> read) {
    CompletableFuture<T> f = new CompletableFuture<>();
    serial.execute(() -> f.complete(read.get()));
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("simulated agent " + hostname() + " did not answer", e);
    }
  }

  // ---- Fault controls (thread-safe) ----

  /** Stops heartbeats; the stream stays open and messages are still handled. */
  public void pause() {
    serial.execute(() -> paused = true);
  }

  /** Resumes heartbeats, sending one at once. */
  public void resume() {
    serial.execute(
        () -> {
          paused = false;
          sendHeartbeat();
        });
  }

  /** Cuts the stream, as a network partition would; nothing is sent until {@link #reconnect()}. */
  public void disconnect() {
    serial.execute(() -> goDown(State.DISCONNECTED, "simulated network cut"));
  }

  public void reconnect() {
    serial.execute(
        () -> {
          if (state == State.DISCONNECTED) {
            state = State.IDLE;
            connect();
          }
        });
  }

  /** Drops the stream like a dead agent process; tasks keep their state for {@link #restart()}. */
  public void crash() {
    serial.execute(() -> goDown(State.CRASHED, "simulated agent crash"));
  }

  /** Starts again after {@link #crash()}: re-registers with every task, then resends updates. */
  public void restart() {
    serial.execute(
        () -> {
          if (state == State.CRASHED) {
            state = State.IDLE;
            backoff.reset();
            connect();
          }
        });
  }

  // ---- Life with the master (serial executor) ----

  void start() {
    serial.execute(this::connect);
  }

  /** The cluster switched to a new leader: reconnect at a random moment within the spread. */
  void leaderChanged() {
    serial.execute(
        () -> {
          if (state == State.IDLE || state == State.CONNECTING || state == State.REGISTERED) {
            dropStream("the leading master changed");
            state = State.IDLE;
            long spread = ctx.settings.leaderChangeSpread().toNanos();
            long delay = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread);
            scheduleReconnect(Duration.ofNanos(delay));
          }
        });
  }

  void close() {
    serial.execute(
        () -> {
          goDown(State.CLOSED, "simulation closed");
          tasks.values().forEach(SimulatedTask::cancelTimers);
        });
  }

  private void goDown(State next, String why) {
    dropStream(why);
    cancelReconnect();
    state = next;
  }

  private void connect() {
    if (state != State.IDLE || stream != null) {
      return;
    }
    ManagedChannel channel = ctx.channel();
    if (channel == null) {
      return; // The cluster calls leaderChanged() once a leader is known.
    }
    ClientStream<AgentMessage, MasterMessage> s =
        new ClientStream<>("the leading master", serial, this::onMessage, this::onEnded);
    stream = s;
    state = State.CONNECTING;
    AgentChannelGrpc.newStub(channel)
        .connectBatched(
            s.batched(
                messages -> AgentMessageBatch.newBuilder().addAllMessages(messages).build(),
                MasterMessageBatch::getMessagesList));
    s.send(
        AgentMessages.register(
            spec.toAgentInfo(), agentId, tasks.values(), frameworks, ctx.settings.version()));
  }

  private void scheduleReconnect(Duration delay) {
    cancelReconnect();
    reconnectTimer =
        ctx.schedule(
            serial,
            delay,
            () -> {
              reconnectTimer = null;
              connect();
            });
  }

  private void cancelReconnect() {
    if (reconnectTimer != null) {
      reconnectTimer.cancel(false);
      reconnectTimer = null;
    }
  }

  private void dropStream(String why) {
    ClientStream<AgentMessage, MasterMessage> s = stream;
    stream = null;
    if (s != null) {
      s.cancel(why);
    }
    stopHeartbeats();
    tasks.values().forEach(SimulatedTask::cancelRetry);
  }

  private void onEnded(ClientStream<AgentMessage, MasterMessage> s, String why) {
    if (s != stream) {
      return;
    }
    LOG.debug("agent {} lost the master: {}", hostname(), why);
    stream = null;
    stopHeartbeats();
    tasks.values().forEach(SimulatedTask::cancelRetry);
    if (state == State.CONNECTING || state == State.REGISTERED) {
      state = State.IDLE;
      scheduleReconnect(backoff.next());
    }
  }

  private void onMessage(ClientStream<AgentMessage, MasterMessage> s, MasterMessage m) {
    if (s != stream) {
      return;
    }
    switch (m.getMessageCase()) {
      case REGISTERED -> registered(m.getRegistered());
      case REFUSED -> {
        refusal = m.getRefused().getMessage();
        LOG.warn("master refused agent {}: {}", hostname(), refusal);
        goDown(State.REFUSED, "refused");
      }
      case RUN_TASK -> launch(m.getRunTask().getFramework(), m.getRunTask().getTask(), null);
      case RUN_TASKS -> {
        for (TaskInfo t : m.getRunTasks().getTasksList()) {
          launch(m.getRunTasks().getFramework(), t, null);
        }
      }
      case RUN_TASK_GROUP -> {
        ExecutorID executor = m.getRunTaskGroup().getExecutor().getExecutorId();
        for (TaskInfo t : m.getRunTaskGroup().getTaskGroup().getTasksList()) {
          launch(m.getRunTaskGroup().getFramework(), t, executor);
        }
      }
      case KILL_TASK ->
          kill(m.getKillTask().getFrameworkId().getValue(), m.getKillTask().getTaskId());
      case ACKNOWLEDGEMENT ->
          acknowledge(
              m.getAcknowledgement().getFrameworkId().getValue(),
              m.getAcknowledgement().getTaskId().getValue(),
              m.getAcknowledgement().getUuid());
      case SHUTDOWN_FRAMEWORK ->
          shutdownFramework(m.getShutdownFramework().getFrameworkId().getValue());
      case REREGISTER_REQUEST -> {
        state = State.CONNECTING;
        stopHeartbeats();
        s.send(
            AgentMessages.register(
                spec.toAgentInfo(), agentId, tasks.values(), frameworks, ctx.settings.version()));
      }
      case RECONCILE_TASKS -> {
        String fid = m.getReconcileTasks().getFrameworkId().getValue();
        for (TaskID id : m.getReconcileTasks().getTaskIdsList()) {
          if (!tasks.containsKey(key(fid, id.getValue()))) {
            lost(fid, id, TaskStatus.Reason.REASON_RECONCILIATION, "task unknown to the agent");
          }
        }
      }
      default -> {
        // Framework messages go nowhere: simulated tasks have no executor to read them.
      }
    }
  }

  private void registered(Registered r) {
    agentId = r.getAgentId();
    state = State.REGISTERED;
    registrations++;
    backoff.reset();
    double seconds = r.getHeartbeatIntervalSeconds();
    Duration interval =
        seconds > 0
            ? Duration.ofNanos((long) (seconds * 1e9))
            : ctx.settings.defaultHeartbeatInterval();
    stopHeartbeats();
    long nanos = interval.toNanos();
    try {
      heartbeat =
          ctx.pool.scheduleAtFixedRate(
              () -> serial.execute(this::sendHeartbeat), nanos, nanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return;
    }
    for (SimulatedTask t : tasks.values()) {
      t.updates.resetRetry();
      sendHead(t);
    }
  }

  private void sendHeartbeat() {
    if (state == State.REGISTERED
        && !paused
        && stream != null
        && stream.send(AgentMessages.HEARTBEAT)) {
      heartbeatsSent++;
    }
  }

  private void stopHeartbeats() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
      heartbeat = null;
    }
  }

  // ---- Tasks (serial executor) ----

  private static String key(String frameworkId, String taskId) {
    return frameworkId + '\u0000' + taskId;
  }

  private void launch(FrameworkInfo framework, TaskInfo info, ExecutorID executor) {
    String fid = framework.getId().getValue();
    String k = key(fid, info.getTaskId().getValue());
    if (tasks.containsKey(k)) {
      return; // The master resent a launch we already have.
    }
    frameworks.put(fid, framework);
    TaskBehaviour behaviour;
    String scriptError = null;
    try {
      behaviour = ctx.script.behaviourOf(info);
    } catch (IllegalArgumentException e) {
      behaviour = TaskBehaviour.runUntilKilled();
      scriptError = e.getMessage();
    }
    SimulatedTask task = new SimulatedTask(fid, info, executor, behaviour, newQueue(), false);
    tasks.put(k, task);
    if (scriptError != null) {
      report(task, TaskState.TASK_ERROR, TaskStatus.Source.SOURCE_AGENT, null, scriptError);
      return;
    }
    runSteps(task, TaskPlan.launch(behaviour), 0);
  }

  private UpdateQueue newQueue() {
    return new UpdateQueue(ctx.settings.updateRetryFirst(), ctx.settings.updateRetryMax());
  }

  private void runSteps(SimulatedTask task, List<TaskPlan.Step> steps, int from) {
    int i = from;
    while (i < steps.size() && steps.get(i).delay().isZero()) {
      report(task, steps.get(i).state(), TaskStatus.Source.SOURCE_EXECUTOR, null, "");
      i++;
    }
    if (i >= steps.size()) {
      return;
    }
    int next = i;
    int generation = task.generation;
    task.stepTimer =
        ctx.schedule(
            serial,
            steps.get(i).delay(),
            () -> {
              if (task.generation != generation || state == State.CLOSED) {
                return;
              }
              task.stepTimer = null;
              report(task, steps.get(next).state(), TaskStatus.Source.SOURCE_EXECUTOR, null, "");
              runSteps(task, steps, next + 1);
            });
  }

  private void kill(String fid, TaskID taskId) {
    SimulatedTask task = tasks.get(key(fid, taskId.getValue()));
    if (task == null) {
      lost(
          fid,
          taskId,
          TaskStatus.Reason.REASON_TASK_UNKNOWN,
          "kill of a task unknown to the agent");
      return;
    }
    if (task.isTerminal() || task.killed || task.behaviour.vanish()) {
      return;
    }
    task.killed = true;
    if (task.stepTimer != null) {
      task.stepTimer.cancel(false);
      task.stepTimer = null;
    }
    task.generation++;
    FrameworkInfo fw = frameworks.get(fid);
    boolean knowsKilling =
        fw != null
            && fw.getCapabilitiesList().stream()
                .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.TASK_KILLING_STATE);
    runSteps(task, TaskPlan.kill(task.behaviour, knowsKilling), 0);
  }

  private void lost(String fid, TaskID taskId, TaskStatus.Reason reason, String message) {
    SimulatedTask ghost =
        new SimulatedTask(
            fid,
            TaskInfo.newBuilder().setTaskId(taskId).build(),
            null,
            TaskBehaviour.vanishing(),
            newQueue(),
            true);
    tasks.put(key(fid, taskId.getValue()), ghost);
    report(ghost, TaskState.TASK_LOST, TaskStatus.Source.SOURCE_AGENT, reason, message);
  }

  private void shutdownFramework(String fid) {
    List<String> gone = new ArrayList<>();
    tasks.forEach(
        (k, t) -> {
          if (t.frameworkId.equals(fid)) {
            gone.add(k);
            t.cancelTimers();
            if (!t.isTerminal() && !t.behaviour.vanish() && stream != null) {
              // Told once: a shut-down framework will not acknowledge it.
              TaskStatus killed =
                  status(
                      t,
                      TaskState.TASK_KILLED,
                      TaskStatus.Source.SOURCE_AGENT,
                      null,
                      "framework shut down");
              stream.send(AgentMessages.statusUpdate(fid, killed, TaskState.TASK_KILLED));
            }
          }
        });
    gone.forEach(tasks::remove);
    frameworks.remove(fid);
  }

  private void acknowledge(String fid, String taskId, ByteString uuid) {
    String k = key(fid, taskId);
    SimulatedTask task = tasks.get(k);
    if (task == null || task.updates.acknowledge(uuid) == null) {
      return; // Stale or duplicate acknowledgement.
    }
    task.cancelRetry();
    if (!task.updates.isEmpty()) {
      sendHead(task);
    } else if (task.isTerminal()) {
      tasks.remove(k);
      task.cancelTimers();
      if (tasks.values().stream().noneMatch(t -> t.frameworkId.equals(fid))) {
        frameworks.remove(fid);
      }
    }
  }

  private TaskStatus status(
      SimulatedTask task,
      TaskState next,
      TaskStatus.Source source,
      TaskStatus.Reason reason,
      String message) {
    TaskStatus.Builder s =
        TaskStatus.newBuilder()
            .setTaskId(task.info.getTaskId())
            .setState(next)
            .setSource(source)
            .setTimestamp(ctx.clock.millis() / 1000.0)
            .setUuid(AgentMessages.randomUuid(ThreadLocalRandom.current()))
            .setMessage(message);
    if (agentId != null) {
      s.setAgentId(agentId);
    }
    if (task.executorId != null) {
      s.setExecutorId(task.executorId);
    }
    if (reason != null) {
      s.setReason(reason);
    }
    return s.build();
  }

  private void report(
      SimulatedTask task,
      TaskState next,
      TaskStatus.Source source,
      TaskStatus.Reason reason,
      String message) {
    task.state = next;
    TaskStatus s = status(task, next, source, reason, message);
    task.latest = s;
    if (task.updates.add(s)) {
      sendHead(task);
    }
  }

  /** Sends the task's oldest unacknowledged update and arms its retry; only while registered. */
  private void sendHead(SimulatedTask task) {
    TaskStatus head = task.updates.head();
    if (head == null || state != State.REGISTERED || stream == null) {
      return;
    }
    stream.send(AgentMessages.statusUpdate(task.frameworkId, head, task.state));
    task.cancelRetry();
    ByteString uuid = head.getUuid();
    task.retryTimer =
        ctx.schedule(
            serial,
            task.updates.nextRetryDelay(),
            () -> {
              TaskStatus current = task.updates.head();
              if (current != null && current.getUuid().equals(uuid)) {
                task.retryTimer = null;
                sendHead(task);
              }
            });
  }
}
