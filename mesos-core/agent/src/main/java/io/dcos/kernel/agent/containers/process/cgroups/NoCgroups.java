package io.dcos.kernel.agent.containers.process.cgroups;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** No isolation: tasks run without cgroups, only their process group and session bound them. */
public final class NoCgroups implements Cgroups {
  public static final NoCgroups INSTANCE = new NoCgroups();

  private static final ContainerCgroup NO_CGROUP =
      new ContainerCgroup() {
        @Override
        public String version() {
          return "none";
        }

        @Override
        public List<Path> procsFiles() {
          return List.of();
        }

        @Override
        public Set<Long> pids() {
          return Set.of();
        }

        @Override
        public boolean oomKilled() {
          return false;
        }

        @Override
        public void destroy() {}
      };

  private NoCgroups() {}

  @Override
  public String version() {
    return "none";
  }

  @Override
  public ContainerCgroup create(String containerId, CgroupLimits limits) {
    return NO_CGROUP;
  }

  @Override
  public ContainerCgroup open(String containerId) {
    return NO_CGROUP;
  }
}
