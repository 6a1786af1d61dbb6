package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * cgroups v1: the {@code cpu} and {@code memory} controllers are separate hierarchies (possibly
 * co-mounted); a container gets {@code <controller mount>/<root>/<containerId>} in each.
 */
public final class CgroupV1 implements Cgroups {
  private final Path cpuMount;
  private final Path memoryMount;
  private final String root;

  public CgroupV1(Path cpuMount, Path memoryMount, String root) {
    this.cpuMount = cpuMount;
    this.memoryMount = memoryMount;
    this.root = root;
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public ContainerCgroup create(String containerId, CgroupLimits limits) throws IOException {
    Container cgroup = new Container(containerId);
    for (Path dir : cgroup.directories()) {
      Files.createDirectories(dir);
    }
    if (limits.cpuShares() != null) {
      CgroupFiles.write(cgroup.cpu.resolve("cpu.shares"), limits.cpuShares());
    }
    if (limits.cfsQuotaMicros() != null) {
      CgroupFiles.write(cgroup.cpu.resolve("cpu.cfs_period_us"), limits.cfsPeriodMicros());
      CgroupFiles.write(cgroup.cpu.resolve("cpu.cfs_quota_us"), limits.cfsQuotaMicros());
    }
    if (limits.memoryBytes() != null) {
      CgroupFiles.write(cgroup.memory.resolve("memory.limit_in_bytes"), limits.memoryBytes());
    }
    return cgroup;
  }

  @Override
  public ContainerCgroup open(String containerId) {
    return new Container(containerId);
  }

  /** Whether {@code memory.oom_control} content says the OOM killer acted (or is acting). */
  static boolean oomKilled(String oomControl) {
    return CgroupFiles.keyedValue(oomControl, "oom_kill").orElse(0) > 0
        || CgroupFiles.keyedValue(oomControl, "under_oom").orElse(0) > 0;
  }

  private final class Container implements ContainerCgroup {
    private final Path cpu;
    private final Path memory;

    Container(String containerId) {
      this.cpu = cpuMount.resolve(root).resolve(containerId);
      this.memory = memoryMount.resolve(root).resolve(containerId);
    }

    Set<Path> directories() {
      return new LinkedHashSet<>(List.of(cpu, memory));
    }

    @Override
    public String version() {
      return "v1";
    }

    @Override
    public List<Path> procsFiles() {
      List<Path> files = new ArrayList<>();
      for (Path dir : directories()) {
        files.add(dir.resolve("cgroup.procs"));
      }
      return files;
    }

    @Override
    public Set<Long> pids() {
      Set<Long> pids = new HashSet<>();
      for (Path file : procsFiles()) {
        pids.addAll(CgroupFiles.pids(file));
      }
      return pids;
    }

    @Override
    public boolean oomKilled() {
      try {
        return CgroupV1.oomKilled(Files.readString(memory.resolve("memory.oom_control")));
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void destroy() throws IOException {
      for (Path dir : directories()) {
        CgroupFiles.removeDirectory(dir);
      }
    }
  }
}
