package io.dcos.kernel.agent.containers.process;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.process.cgroups.ContainerCgroup;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task running under the {@link TaskWrapper}: the wrapper's pid (also the task's session and
 * process group id) with its start time, the run directory holding its exit status, and its cgroup.
 */
public final class ProcessContainer implements Container {
  static final String KIND = "process";
  private static final String ENV_PREFIX = "env.";

  private final String containerId;
  private final Path sandbox;
  private final Map<String, String> environment;
  private final long pid;
  private final long startTime;
  private final RunDirectory runDirectory;
  private final ContainerCgroup cgroup;
  private final Path shell;
  private final CompletableFuture<Termination> termination = new CompletableFuture<>();

  // Guarded by this: the kill state and when leftover processes were first seen.
  boolean killRequested;
  boolean sigkillSent;
  long leftoversSinceNanos = -1;

  ProcessContainer(
      String containerId,
      Path sandbox,
      Map<String, String> environment,
      long pid,
      long startTime,
      RunDirectory runDirectory,
      ContainerCgroup cgroup,
      Path shell) {
    this.containerId = containerId;
    this.sandbox = sandbox;
    this.environment = Map.copyOf(environment);
    this.pid = pid;
    this.startTime = startTime;
    this.runDirectory = runDirectory;
    this.cgroup = cgroup;
    this.shell = shell;
  }

  @Override
  public String containerId() {
    return containerId;
  }

  /** The wrapper's pid, which is also the session and process group id of the task. */
  public long pid() {
    return pid;
  }

  long startTime() {
    return startTime;
  }

  RunDirectory runDirectory() {
    return runDirectory;
  }

  ContainerCgroup cgroup() {
    return cgroup;
  }

  @Override
  public ContainerCheckpoint checkpoint() {
    Map<String, String> fields = new HashMap<>();
    fields.put("pid", Long.toString(pid));
    fields.put("startTime", Long.toString(startTime));
    fields.put("runDirectory", runDirectory.path().toString());
    fields.put("cgroup", cgroup.version());
    environment.forEach((name, value) -> fields.put(ENV_PREFIX + name, value));
    return new ContainerCheckpoint(KIND, containerId, sandbox, Map.copyOf(fields));
  }

  static Map<String, String> environment(ContainerCheckpoint checkpoint) {
    Map<String, String> env = new HashMap<>();
    checkpoint
        .fields()
        .forEach(
            (key, value) -> {
              if (key.startsWith(ENV_PREFIX)) {
                env.put(key.substring(ENV_PREFIX.length()), value);
              }
            });
    return env;
  }

  @Override
  public CompletableFuture<Termination> termination() {
    return termination;
  }

  CompletableFuture<Termination> terminationFuture() {
    return termination;
  }

  /** Runs {@code /bin/sh -c shellCommand} in the sandbox with the task's environment. */
  @Override
  public int exec(String shellCommand, Duration timeout) throws ContainerException {
    ProcessBuilder builder =
        new ProcessBuilder(shell.toString(), "-c", shellCommand)
            .directory(sandbox.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ContainerException("cannot run '" + shellCommand + "': " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new ContainerException(
            "'" + shellCommand + "' did not finish within " + timeout.toMillis() + " ms");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ContainerException("interrupted while running '" + shellCommand + "'", e);
    }
  }

  @Override
  public String toString() {
    return "process container " + containerId + " (pid " + pid + ")";
  }
}
