package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * cgroups v2: one unified hierarchy; a container gets {@code <mount>/<root>/<containerId>} with
 * {@code cpu.weight}, {@code cpu.max} and {@code memory.max}. The root cgroup holds no processes
 * itself (the v2 "no internal processes" rule) and delegates the cpu and memory controllers to its
 * children through {@code cgroup.subtree_control}.
 */
public final class CgroupV2 implements Cgroups {
  private static final List<String> CONTROLLERS = List.of("cpu", "memory");

  private final Path mount;
  private final String root;

  public CgroupV2(Path mount, String root) {
    this.mount = mount;
    this.root = root;
  }

  @Override
  public String version() {
    return "v2";
  }

  @Override
  public ContainerCgroup create(String containerId, CgroupLimits limits) throws IOException {
    Path rootDir = mount.resolve(root);
    Files.createDirectories(rootDir);
    enableControllers(mount);
    enableControllers(rootDir);
    Container cgroup = new Container(containerId);
    Files.createDirectories(cgroup.dir);
    Long weight = limits.cpuWeight();
    if (weight != null) {
      CgroupFiles.write(cgroup.dir.resolve("cpu.weight"), weight);
    }
    if (limits.cfsQuotaMicros() != null) {
      CgroupFiles.write(cgroup.dir.resolve("cpu.max"), limits.cpuMax());
    }
    if (limits.memoryBytes() != null) {
      CgroupFiles.write(cgroup.dir.resolve("memory.max"), limits.memoryBytes());
    }
    return cgroup;
  }

  @Override
  public ContainerCgroup open(String containerId) {
    return new Container(containerId);
  }

  /** Writes "+cpu +memory" into the directory's subtree control unless both are enabled. */
  private static void enableControllers(Path dir) throws IOException {
    Path control = dir.resolve("cgroup.subtree_control");
    String current = "";
    try {
      current = Files.readString(control);
    } catch (NoSuchFileException e) {
      // a fresh directory of a fake layout: the write below creates it
    }
    List<String> enabled = Arrays.asList(current.trim().split("\\s+"));
    if (!enabled.containsAll(CONTROLLERS)) {
      CgroupFiles.write(control, "+cpu +memory");
    }
  }

  private final class Container implements ContainerCgroup {
    private final Path dir;

    Container(String containerId) {
      this.dir = mount.resolve(root).resolve(containerId);
    }

    @Override
    public String version() {
      return "v2";
    }

    @Override
    public List<Path> procsFiles() {
      return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public Set<Long> pids() {
      return CgroupFiles.pids(dir.resolve("cgroup.procs"));
    }

    @Override
    public boolean oomKilled() {
      return CgroupFiles.keyedValue(dir.resolve("memory.events"), "oom_kill").orElse(0) > 0;
    }

    @Override
    public void destroy() throws IOException {
      CgroupFiles.removeDirectory(dir);
    }
  }
}
