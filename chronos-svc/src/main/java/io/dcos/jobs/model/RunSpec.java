package io.dcos.jobs.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one run of a job launches: a command or a Docker image, resources, environment, fetched
 * artifacts, host volumes, placement constraints, the restart policy and the run's time limits.
 * Invariant: {@code cmd} or {@code args} or {@code docker} is set, and volumes come with {@code
 * docker} (the APIs validate both).
 *
 * @param shell run {@code cmd} through {@code /bin/sh -c} (Chronos {@code shell}, default true)
 * @param maxRunTime a run still going this long after its first task was launched is killed and
 *     fails (Chronos {@code maxCompletionTime}); zero means no limit
 * @param volumes host paths mounted into the Docker container
 * @param maxLaunchDelay a run none of whose tasks reached RUNNING this long after it became due
 *     fails (Metronome {@code run.maxLaunchDelay})
 */
public record RunSpec(
    String cmd,
    List<String> args,
    boolean shell,
    double cpus,
    double mem,
    double disk,
    String user,
    Map<String, String> env,
    List<Artifact> artifacts,
    DockerSpec docker,
    List<Constraint> constraints,
    RestartPolicy restart,
    Duration maxRunTime,
    List<Volume> volumes,
    Duration maxLaunchDelay) {
  /** Metronome's default {@code maxLaunchDelay}: one hour. */
  public static final Duration DEFAULT_MAX_LAUNCH_DELAY = Duration.ofSeconds(3600);

  public RunSpec {
    cmd = cmd == null ? "" : cmd;
    args = List.copyOf(args);
    user = user == null ? "" : user;
    env = Map.copyOf(env);
    artifacts = List.copyOf(artifacts);
    constraints = List.copyOf(constraints);
    // Specs stored before these fields existed read them as null.
    maxRunTime = maxRunTime == null ? Duration.ZERO : maxRunTime;
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    maxLaunchDelay = maxLaunchDelay == null ? DEFAULT_MAX_LAUNCH_DELAY : maxLaunchDelay;
  }

  /** A file fetched into the sandbox before the task starts. */
  public record Artifact(String uri, boolean extract, boolean executable, boolean cache) {}

  /** A Docker image to run the command in. */
  public record DockerSpec(
      String image, boolean forcePullImage, boolean privileged, Map<String, String> parameters) {
    public DockerSpec {
      parameters = Map.copyOf(parameters);
    }
  }

  /**
   * A host path mounted into the container. A relative {@code hostPath} is inside the task's
   * sandbox on the agent, as Mesos resolves it.
   */
  public record Volume(String containerPath, String hostPath, Mode mode) {
    /** Read-write or read-only. */
    public enum Mode {
      RW,
      RO
    }
  }
}
