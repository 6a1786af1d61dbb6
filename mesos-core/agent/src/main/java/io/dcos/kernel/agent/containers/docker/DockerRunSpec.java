package io.dcos.kernel.agent.containers.docker;

import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.LaunchSpec;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.ContainerInfo.DockerInfo;
import io.dcos.kernel.protocol.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker run} gets for a task, derived from the {@link LaunchSpec} with Mesos's rules.
 * Pure: no Docker call is made here, so every rule is unit-testable. Invariant: the network is
 * {@code host} or {@code none} (this cluster runs without Docker bridge networks).
 *
 * @param entrypoint replaces the image's entrypoint when present
 * @param cmd replaces the image's cmd when present
 * @param mounts host paths bound into the container, the sandbox first
 * @param memoryBytes hard memory limit, null for none
 * @param nanoCpus CPU cap in billionths of a CPU, null for none
 * @param cpuShares relative CPU weight (1024 per CPU), null for the default
 */
public record DockerRunSpec(
    String name,
    String image,
    boolean forcePull,
    String networkMode,
    Optional<List<String>> entrypoint,
    Optional<List<String>> cmd,
    List<String> env,
    List<BindMount> mounts,
    String workingDir,
    Long memoryBytes,
    Long nanoCpus,
    Integer cpuShares,
    boolean privileged,
    Map<String, String> labels) {

  /**
   * A host path bound into the container. Kept as separate fields (not Docker's {@code
   * host:container} text) so paths holding a colon, as task ids may, mount as they are.
   */
  public record BindMount(String source, String target, boolean readOnly) {}

  /** Where the sandbox appears inside the container, as in Mesos. */
  public static final String SANDBOX_MOUNT = "/mnt/mesos/sandbox";

  public static final String LABEL_CONTAINER_ID = "io.dcos.kernel.container_id";
  public static final String LABEL_TASK_ID = "io.dcos.kernel.task_id";
  public static final String LABEL_FRAMEWORK_ID = "io.dcos.kernel.framework_id";

  private static final long MIN_MEMORY_BYTES = 32L * 1024 * 1024;

  /** The container name for a container id: {@code <prefix><id>}, limited to Docker's alphabet. */
  public static String containerName(String prefix, String containerId) {
    return prefix + containerId.replaceAll("[^a-zA-Z0-9_.-]", "-");
  }

  public static DockerRunSpec from(LaunchSpec spec, String namePrefix) throws ContainerException {
    ContainerInfo container = spec.task().getContainer();
    DockerInfo docker = container.getDocker();
    if (container.getType() != ContainerInfo.Type.DOCKER || docker.getImage().isEmpty()) {
      throw new ContainerException("the task has no Docker image to run");
    }
    String network =
        switch (docker.getNetwork()) {
          case UNKNOWN, HOST -> "host";
          case NONE -> "none";
          default ->
              throw new ContainerException(
                  "Docker network "
                      + docker.getNetwork()
                      + " is not supported: this cluster runs containers with HOST (or NONE)"
                      + " networking only");
        };

    CommandInfo command = spec.task().getCommand();
    Optional<List<String>> entrypoint = Optional.empty();
    Optional<List<String>> cmd = Optional.empty();
    boolean shell = !command.hasShell() || command.getShell();
    if (shell && !command.getValue().isEmpty()) {
      entrypoint = Optional.of(List.of("/bin/sh", "-c"));
      cmd = Optional.of(List.of(command.getValue()));
    } else if (!shell) {
      // Mesos: value (when set) and the arguments become the cmd after the image's entrypoint.
      List<String> args = new ArrayList<>();
      if (!command.getValue().isEmpty()) {
        args.add(command.getValue());
      }
      args.addAll(command.getArgumentsList());
      if (!args.isEmpty()) {
        cmd = Optional.of(List.copyOf(args));
      }
    }

    Map<String, String> environment = new LinkedHashMap<>(spec.environment());
    environment.put("MESOS_SANDBOX", SANDBOX_MOUNT);
    List<String> env = new ArrayList<>();
    environment.forEach((k, v) -> env.add(k + "=" + v));

    List<BindMount> mounts = new ArrayList<>();
    mounts.add(new BindMount(spec.sandbox().toAbsolutePath().toString(), SANDBOX_MOUNT, false));
    for (Volume volume : container.getVolumesList()) {
      mounts.add(bind(volume, spec.sandbox()));
    }

    double cpus = spec.limits().scalar("cpus");
    double memMb = spec.limits().scalar("mem");
    Long memory = memMb > 0 ? Math.max(MIN_MEMORY_BYTES, Math.round(memMb * 1024 * 1024)) : null;
    Long nanoCpus = cpus > 0 ? Math.round(cpus * 1e9) : null;
    Integer shares = cpus > 0 ? (int) Math.max(2, Math.round(cpus * 1024)) : null;

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_CONTAINER_ID, spec.containerId());
    labels.put(LABEL_TASK_ID, spec.task().getTaskId().getValue());
    labels.put(LABEL_FRAMEWORK_ID, spec.frameworkId());

    return new DockerRunSpec(
        containerName(namePrefix, spec.containerId()),
        docker.getImage(),
        docker.getForcePullImage(),
        network,
        entrypoint,
        cmd,
        List.copyOf(env),
        List.copyOf(mounts),
        SANDBOX_MOUNT,
        memory,
        nanoCpus,
        shares,
        docker.getPrivileged(),
        Map.copyOf(labels));
  }

  /** A volume as a bind: relative host paths are in the sandbox, relative container paths too. */
  static BindMount bind(Volume volume, Path sandbox) throws ContainerException {
    if (volume.getContainerPath().isEmpty()) {
      throw new ContainerException("a volume needs a container_path");
    }
    if (volume.getHostPath().isEmpty()) {
      throw new ContainerException(
          "volume " + volume.getContainerPath() + " needs a host_path on this agent");
    }
    Path host = Path.of(volume.getHostPath());
    Path resolvedHost = host.isAbsolute() ? host : sandbox.toAbsolutePath().resolve(host);
    String containerPath =
        volume.getContainerPath().startsWith("/")
            ? volume.getContainerPath()
            : SANDBOX_MOUNT + "/" + volume.getContainerPath();
    return new BindMount(
        resolvedHost.normalize().toString(), containerPath, volume.getMode() == Volume.Mode.RO);
  }
}
