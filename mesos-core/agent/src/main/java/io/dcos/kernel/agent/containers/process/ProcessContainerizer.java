package io.dcos.kernel.agent.containers.process;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.containers.LaunchSpec;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.process.cgroups.CgroupLimits;
import io.dcos.kernel.agent.containers.process.cgroups.ContainerCgroup;
import io.dcos.kernel.agent.containers.process.cgroups.NoCgroups;
import io.dcos.kernel.protocol.ContainerInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task's command as a plain process tree on this machine, isolated by cgroups when available
 * (Mesos's "MESOS" containerizer without namespaces). Each task runs in its own session under a
 * {@link TaskWrapper}, so it survives the agent and can be re-attached with {@link #recover}. A
 * container ends when its wrapper is gone; then any process left in its session or cgroup is killed
 * and the cgroup removed, as Mesos destroys a container whose executor exits.
 */
public final class ProcessContainerizer implements Containerizer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessContainerizer.class);
  private static final long LEFTOVER_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ProcessContainerizerConfig config;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ProcFs procFs = new ProcFs(Path.of("/proc"));
  private final long ownSession = ownSession();
  private final Map<String, ProcessContainer> active = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> poller;

  public ProcessContainerizer(ProcessContainerizerConfig config) {
    this(config, defaultScheduler(), true);
  }

  /** With a caller-owned scheduler (for example one shared by the agent); not shut down here. */
  public ProcessContainerizer(
      ProcessContainerizerConfig config, ScheduledExecutorService scheduler) {
    this(config, scheduler, false);
  }

  private ProcessContainerizer(
      ProcessContainerizerConfig config, ScheduledExecutorService scheduler, boolean owns) {
    this.config = config;
    this.scheduler = scheduler;
    this.ownsScheduler = owns;
    long interval = config.pollInterval().toMillis();
    this.poller =
        scheduler.scheduleWithFixedDelay(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Tasks without a container, or with a MESOS container (no image support). */
  @Override
  public boolean supports(LaunchSpec spec) {
    return !spec.task().hasContainer()
        || spec.task().getContainer().getType() != ContainerInfo.Type.DOCKER;
  }

  @Override
  public Container launch(LaunchSpec spec) throws ContainerException {
    List<String> taskArgv = TaskCommand.argv(spec.task().getCommand());
    RunDirectory runDirectory = new RunDirectory(config.runRoot().resolve(spec.containerId()));
    ContainerCgroup cgroup;
    try {
      runDirectory.prepare();
      cgroup =
          config
              .cgroups()
              .create(spec.containerId(), CgroupLimits.from(spec.limits(), config.cfsQuota()));
    } catch (IOException e) {
      throw new ContainerException(
          "cannot prepare container " + spec.containerId() + ": " + e.getMessage(), e);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                TaskWrapper.commandLine(
                    config.setsid(), config.shell(), runDirectory, cgroup.procsFiles(), taskArgv))
            .directory(spec.sandbox().toFile())
            .redirectInput(new File("/dev/null"))
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(spec.sandbox().resolve("stdout").toFile()))
            .redirectError(
                ProcessBuilder.Redirect.appendTo(spec.sandbox().resolve("stderr").toFile()));
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      destroyQuietly(cgroup);
      throw new ContainerException(
          "cannot start the task of container " + spec.containerId() + ": " + e.getMessage(), e);
    }
    long pid = process.pid();
    // The start time is fixed at fork; -1 when the wrapper already ended and was reaped.
    long startTime = procFs.stat(pid).map(ProcStat::startTime).orElse(-1L);
    ProcessContainer container =
        new ProcessContainer(
            spec.containerId(),
            spec.sandbox(),
            spec.environment(),
            pid,
            startTime,
            runDirectory,
            cgroup,
            config.shell());
    active.put(spec.containerId(), container);
    process.onExit().thenRun(() -> checkSoon(container));
    LOG.info("launched {} in {}", container, spec.sandbox());
    return container;
  }

  @Override
  public Optional<Container> recover(ContainerCheckpoint checkpoint) {
    if (!ProcessContainer.KIND.equals(checkpoint.kind())) {
      return Optional.empty();
    }
    Map<String, String> fields = checkpoint.fields();
    String cgroupVersion = fields.getOrDefault("cgroup", "none");
    ContainerCgroup cgroup;
    if (cgroupVersion.equals(config.cgroups().version())) {
      cgroup = config.cgroups().open(checkpoint.containerId());
    } else {
      LOG.warn(
          "container {} was isolated with cgroups {} but the agent now uses {}; its cgroup is"
              + " not tracked",
          checkpoint.containerId(),
          cgroupVersion,
          config.cgroups().version());
      cgroup = NoCgroups.INSTANCE.open(checkpoint.containerId());
    }
    ProcessContainer container =
        new ProcessContainer(
            checkpoint.containerId(),
            checkpoint.sandbox(),
            ProcessContainer.environment(checkpoint),
            Long.parseLong(fields.getOrDefault("pid", "-1")),
            Long.parseLong(fields.getOrDefault("startTime", "-1")),
            new RunDirectory(
                Path.of(
                    fields.getOrDefault(
                        "runDirectory",
                        config.runRoot().resolve(checkpoint.containerId()).toString()))),
            cgroup,
            config.shell());
    active.put(container.containerId(), container);
    checkSoon(container);
    LOG.info("recovering {}", container);
    return Optional.of(container);
  }

  @Override
  public void kill(Container container, Duration gracePeriod) {
    ProcessContainer process = (ProcessContainer) container;
    synchronized (process) {
      if (process.terminationFuture().isDone()) {
        return;
      }
      process.killRequested = true;
    }
    if (gracePeriod.isZero() || gracePeriod.isNegative()) {
      sigkill(process);
    } else {
      signal(process, false);
      scheduler.schedule(
          () -> {
            if (!process.terminationFuture().isDone()) {
              sigkill(process);
            }
          },
          gracePeriod.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    checkSoon(process);
  }

  /**
   * Removes what the container left on this machine (its run directory). Call once the agent no
   * longer needs to recover it, that is after its terminal status was acknowledged.
   */
  @Override
  public void forget(ContainerCheckpoint checkpoint) {
    if (!ProcessContainer.KIND.equals(checkpoint.kind())) {
      return;
    }
    try {
      new RunDirectory(
              Path.of(
                  checkpoint
                      .fields()
                      .getOrDefault(
                          "runDirectory",
                          config.runRoot().resolve(checkpoint.containerId()).toString())))
          .delete();
    } catch (IOException e) {
      LOG.warn("cannot remove the run directory of {}: {}", checkpoint.containerId(), e.toString());
    }
  }

  /** Stops watching tasks (they keep running, as when the agent exits). */
  @Override
  public void close() {
    poller.cancel(false);
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  private void sigkill(ProcessContainer process) {
    synchronized (process) {
      process.sigkillSent = true;
    }
    signal(process, true);
    checkSoon(process);
  }

  private void checkSoon(ProcessContainer container) {
    try {
      scheduler.execute(() -> check(container));
    } catch (RejectedExecutionException e) {
      // closed: the container is no longer watched by this instance
    }
  }

  private void checkAll() {
    for (ProcessContainer container : active.values()) {
      try {
        check(container);
      } catch (RuntimeException e) {
        LOG.warn("checking {} failed", container, e);
      }
    }
  }

  /** Completes the termination once the wrapper and every process it left behind are gone. */
  private void check(ProcessContainer container) {
    Termination termination;
    synchronized (container) {
      if (container.terminationFuture().isDone()
          || procFs.isAlive(container.pid(), container.startTime())) {
        return;
      }
      Set<Long> leftovers = members(container);
      if (!leftovers.isEmpty()) {
        leftovers.forEach(pid -> send(pid, true));
        long now = System.nanoTime();
        if (container.leftoversSinceNanos < 0) {
          container.leftoversSinceNanos = now;
        }
        if (now - container.leftoversSinceNanos < LEFTOVER_PATIENCE_NANOS) {
          return;
        }
        LOG.warn("{}: processes {} survived SIGKILL; giving up on them", container, leftovers);
      }
      boolean oom = container.cgroup().oomKilled();
      destroyQuietly(container.cgroup());
      termination =
          TerminationRules.decide(
              container.runDirectory().exitStatus(),
              container.killRequested,
              container.sigkillSent,
              oom);
      active.remove(container.containerId(), container);
    }
    LOG.info("{} ended: {}", container, termination);
    container.terminationFuture().complete(termination);
  }

  /** Sends SIGTERM (or SIGKILL) to the wrapper, its session and its cgroup. */
  private void signal(ProcessContainer container, boolean kill) {
    Set<Long> targets = members(container);
    if (procFs.isAlive(container.pid(), container.startTime())) {
      targets.add(container.pid());
    }
    targets.forEach(pid -> send(pid, kill));
  }

  /**
   * The running processes of the container other than the JVM's own session: its cgroup's, plus its
   * session's as long as the session id cannot belong to a newer process that reused the pid.
   */
  private Set<Long> members(ProcessContainer container) {
    Set<Long> pids = new LinkedHashSet<>(container.cgroup().pids());
    long session = container.pid();
    Optional<ProcStat> leader = procFs.stat(session);
    boolean sessionIsOurs =
        session > 0
            && session != ownSession
            && (leader.isEmpty() || leader.get().startTime() == container.startTime());
    if (sessionIsOurs) {
      pids.addAll(procFs.sessionMembers(session));
    }
    long self = ProcessHandle.current().pid();
    pids.removeIf(pid -> pid == self || procFs.stat(pid).filter(ProcStat::running).isEmpty());
    return pids;
  }

  private static void send(long pid, boolean kill) {
    ProcessHandle.of(pid)
        .ifPresent(
            handle -> {
              boolean sent = kill ? handle.destroyForcibly() : handle.destroy();
              if (!sent) {
                LOG.debug("could not signal pid {}", pid);
              }
            });
  }

  private static void destroyQuietly(ContainerCgroup cgroup) {
    try {
      cgroup.destroy();
    } catch (IOException e) {
      LOG.warn("cannot remove {} cgroup: {}", cgroup.version(), e.toString());
    }
  }

  private static long ownSession() {
    try {
      return ProcStat.parse(java.nio.file.Files.readString(Path.of("/proc/self/stat")))
          .map(ProcStat::session)
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  private static ScheduledExecutorService defaultScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "process-containerizer");
          thread.setDaemon(true);
          return thread;
        });
  }
}
