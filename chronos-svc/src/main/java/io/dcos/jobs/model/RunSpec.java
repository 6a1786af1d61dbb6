package io.dcos.jobs.model;

import java.util.List;
import java.util.Map;

/**
 * What one run of a job launches: a command or a Docker image, resources, environment, fetched
 * artifacts, placement constraints and the restart policy. Invariant: {@code cmd} or {@code args}
 * or {@code docker} is set (the APIs validate it).
 *
 * @param shell run {@code cmd} through {@code /bin/sh -c} (Chronos {@code shell}, default true)
 * @param maxRunTime a run still going after this long is killed; zero means no limit
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
    java.time.Duration maxRunTime) {
  public RunSpec {
    cmd = cmd == null ? "" : cmd;
    args = List.copyOf(args);
    user = user == null ? "" : user;
    env = Map.copyOf(env);
    artifacts = List.copyOf(artifacts);
    constraints = List.copyOf(constraints);
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
}
