package io.dcos.kernel.agent.containers.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.containers.LaunchSpec;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.protocol.ContainerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks that name a Docker image through the local Docker engine, with host networking. A
 * watcher thread per container follows its logs into the sandbox, waits for it to end, reads the
 * exit code and OOM flag, and removes it. Containers outlive the agent; {@link #recover} finds them
 * again by their Docker id.
 */
public final class DockerContainerizer implements Containerizer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DockerContainerizer.class);

  private final DockerClient docker;
  private final DockerContainerizerConfig config;
  private final ExecutorService watchers;
  private volatile boolean closed;

  public DockerContainerizer(DockerClient docker, DockerContainerizerConfig config) {
    this.docker = docker;
    this.config = config;
    this.watchers =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "docker-containerizer");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Tasks with a DOCKER container naming an image. */
  @Override
  public boolean supports(LaunchSpec spec) {
    return spec.task().hasContainer()
        && spec.task().getContainer().getType() == ContainerInfo.Type.DOCKER
        && !spec.task().getContainer().getDocker().getImage().isEmpty();
  }

  @Override
  public Container launch(LaunchSpec spec) throws ContainerException {
    DockerRunSpec run = DockerRunSpec.from(spec, config.namePrefix());
    ensureImage(run);
    createMissingSources(run);
    removeQuietly(run.name());
    String dockerId;
    try {
      dockerId = create(run);
    } catch (DockerException e) {
      throw new ContainerException(
          "Docker could not create container " + run.name() + ": " + e.getMessage(), e);
    }
    try {
      docker.startContainerCmd(dockerId).exec();
    } catch (DockerException e) {
      removeQuietly(dockerId);
      throw new ContainerException(
          "Docker could not start container " + run.name() + ": " + e.getMessage(), e);
    }
    DockerContainer container =
        new DockerContainer(spec.containerId(), dockerId, run.name(), spec.sandbox(), this);
    watchers.execute(() -> watch(container));
    LOG.info("launched {} from image {}", container, run.image());
    return container;
  }

  @Override
  public Optional<Container> recover(ContainerCheckpoint checkpoint) {
    if (!DockerContainer.KIND.equals(checkpoint.kind())) {
      return Optional.empty();
    }
    String dockerId = checkpoint.fields().getOrDefault("dockerId", "");
    String name =
        checkpoint
            .fields()
            .getOrDefault(
                "name", DockerRunSpec.containerName(config.namePrefix(), checkpoint.containerId()));
    DockerContainer container =
        new DockerContainer(
            checkpoint.containerId(),
            dockerId.isEmpty() ? name : dockerId,
            name,
            checkpoint.sandbox(),
            this);
    watchers.execute(() -> watch(container));
    LOG.info("recovering {}", container);
    return Optional.of(container);
  }

  /** {@code docker stop} with the grace period (SIGTERM, then SIGKILL); returns at once. */
  @Override
  public void kill(Container container, Duration gracePeriod) {
    DockerContainer target = (DockerContainer) container;
    if (target.termination().isDone()) {
      return;
    }
    target.killRequested = true;
    int seconds = (int) Math.max(0, (gracePeriod.toMillis() + 999) / 1000);
    watchers.execute(
        () -> {
          try {
            docker.stopContainerCmd(target.dockerId()).withTimeout(seconds).exec();
          } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone: the watcher reports how it ended
          } catch (RuntimeException e) {
            LOG.warn("docker stop of {} failed: {}", target, e.toString());
          }
        });
  }

  int exec(DockerContainer container, String shellCommand, Duration timeout)
      throws ContainerException {
    try {
      ExecCreateCmdResponse exec =
          docker
              .execCreateCmd(container.dockerId())
              .withCmd("/bin/sh", "-c", shellCommand)
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec();
      try (ResultCallback.Adapter<Frame> output =
          docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<>())) {
        if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new ContainerException(
              "'" + shellCommand + "' did not finish within " + timeout.toMillis() + " ms");
        }
      }
      Long exitCode = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
      if (exitCode == null) {
        throw new ContainerException("docker exec of '" + shellCommand + "' has no exit code");
      }
      return exitCode.intValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException("interrupted while running '" + shellCommand + "'", e);
    } catch (IOException | RuntimeException e) {
      throw new ContainerException(
          "docker exec of '" + shellCommand + "' in " + container + " failed: " + e.getMessage(),
          e);
    }
  }

  /** Stops the watcher threads; containers keep running. */
  @Override
  public void close() {
    closed = true;
    watchers.shutdownNow();
  }

  private void ensureImage(DockerRunSpec run) throws ContainerException {
    boolean present;
    try {
      docker.inspectImageCmd(run.image()).exec();
      present = true;
    } catch (NotFoundException e) {
      present = false;
    }
    if (present && !run.forcePull()) {
      return;
    }
    try {
      boolean done =
          docker
              .pullImageCmd(run.image())
              .exec(new PullImageResultCallback())
              .awaitCompletion(config.pullTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        throw new ContainerException(
            "pulling image " + run.image() + " took longer than " + config.pullTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException("interrupted while pulling image " + run.image(), e);
    } catch (RuntimeException e) {
      throw new ContainerException(
          "image "
              + run.image()
              + (present ? " could not be pulled (force_pull_image)" : " is not on this agent")
              + " and pulling it failed: "
              + e.getMessage(),
          e);
    }
  }

  /** As {@code docker run -v} does, a host path that does not exist yet is made a directory. */
  private static void createMissingSources(DockerRunSpec run) throws ContainerException {
    for (DockerRunSpec.BindMount mount : run.mounts()) {
      Path source = Path.of(mount.source());
      if (!Files.exists(source)) {
        try {
          Files.createDirectories(source);
        } catch (IOException e) {
          throw new ContainerException(
              "cannot create the host path " + source + " of volume " + mount.target(), e);
        }
      }
    }
  }

  private String create(DockerRunSpec run) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode(run.networkMode())
            .withMounts(
                run.mounts().stream()
                    .map(
                        m ->
                            new Mount()
                                .withType(MountType.BIND)
                                .withSource(m.source())
                                .withTarget(m.target())
                                .withReadOnly(m.readOnly()))
                    .toList())
            .withPrivileged(run.privileged());
    if (run.memoryBytes() != null) {
      host.withMemory(run.memoryBytes()).withMemorySwap(run.memoryBytes());
    }
    if (run.nanoCpus() != null) {
      host.withNanoCPUs(run.nanoCpus());
    }
    if (run.cpuShares() != null) {
      host.withCpuShares(run.cpuShares());
    }
    try (CreateContainerCmd cmd =
        docker
            .createContainerCmd(run.image())
            .withName(run.name())
            .withEnv(run.env())
            .withLabels(run.labels())
            .withWorkingDir(run.workingDir())
            .withHostConfig(host)) {
      run.entrypoint().ifPresent(cmd::withEntrypoint);
      run.cmd().ifPresent(cmd::withCmd);
      return cmd.exec().getId();
    }
  }

  /** Follows the logs, waits for the end, records how it ended and removes the container. */
  private void watch(DockerContainer container) {
    Termination termination;
    try {
      termination = awaitEnd(container);
    } catch (RuntimeException e) {
      if (closed) {
        return; // the agent is stopping: the container lives on and is recovered later
      }
      LOG.warn("lost track of {}: {}", container, e.toString());
      termination =
          new Termination(
              null, Termination.Reason.LOST, "lost track of the container: " + e.getMessage());
    }
    LOG.info("{} ended: {}", container, termination);
    container.termination().complete(termination);
  }

  private Termination awaitEnd(DockerContainer container) {
    try {
      docker.inspectContainerCmd(container.dockerId()).exec();
    } catch (NotFoundException e) {
      return new Termination(null, Termination.Reason.LOST, container + " no longer exists");
    }
    SandboxLogs logs = new SandboxLogs(container.sandbox());
    docker
        .logContainerCmd(container.dockerId())
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(logs);
    Integer exitCode;
    try {
      exitCode =
          docker
              .waitContainerCmd(container.dockerId())
              .exec(new WaitContainerResultCallback())
              .awaitStatusCode();
    } catch (NotFoundException e) {
      exitCode = null;
    }
    boolean oomKilled = false;
    try {
      InspectContainerResponse.ContainerState state =
          docker.inspectContainerCmd(container.dockerId()).exec().getState();
      oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
      if (state.getExitCodeLong() != null) {
        exitCode = state.getExitCodeLong().intValue();
      }
    } catch (NotFoundException e) {
      // removed by someone else: keep what wait said
    }
    try {
      logs.awaitCompletion(config.logDrainTimeout().toMillis(), TimeUnit.MILLISECONDS);
      logs.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("closing the logs of {} failed: {}", container, e.toString());
    }
    removeQuietly(container.dockerId());
    return DockerTerminations.decide(exitCode, oomKilled, container.killRequested);
  }

  private void removeQuietly(String idOrName) {
    try {
      docker.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // nothing to remove
    } catch (RuntimeException e) {
      LOG.warn("cannot remove docker container {}: {}", idOrName, e.toString());
    }
  }
}
