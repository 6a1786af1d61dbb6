package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;

/**
 * A cgroup hierarchy the process containerizer isolates tasks in: one child cgroup per container
 * under a configurable root (for example {@code mesos}). Implementations exist for cgroups v1, v2
 * and "no isolation" for machines where neither is writable.
 */
public interface Cgroups {

  /** {@code v1}, {@code v2} or {@code none}. */
  String version();

  /** Creates the container's cgroup with the limits applied. */
  ContainerCgroup create(String containerId, CgroupLimits limits) throws IOException;

  /** The container's cgroup as it may exist after an agent restart (nothing is created). */
  ContainerCgroup open(String containerId);
}
