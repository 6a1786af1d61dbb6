package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the cgroup hierarchy to isolate tasks in: v1 when both the {@code cpu} and {@code memory}
 * controllers are mounted as v1 hierarchies, otherwise v2 when the unified hierarchy offers both,
 * otherwise none. The chosen root must be creatable (the agent runs as root), else a warning is
 * logged and tasks run without isolation.
 */
public final class CgroupsDetector {
  private static final Logger LOG = LoggerFactory.getLogger(CgroupsDetector.class);

  private CgroupsDetector() {}

  /** Detects from this machine's {@code /proc/self/mountinfo}. */
  public static Cgroups detect(String root) {
    try {
      return detect(CgroupMounts.parse(Files.readString(Path.of("/proc/self/mountinfo"))), root);
    } catch (IOException e) {
      LOG.warn(
          "cannot read /proc/self/mountinfo ({}); tasks run without cgroups isolation",
          e.toString());
      return NoCgroups.INSTANCE;
    }
  }

  public static Cgroups detect(CgroupMounts mounts, String root) {
    var cpu = mounts.v1("cpu");
    var memory = mounts.v1("memory");
    if (cpu.isPresent() && memory.isPresent()) {
      if (writable(cpu.get().resolve(root)) && writable(memory.get().resolve(root))) {
        LOG.info("isolating tasks with cgroups v1 under {} and {}", cpu.get(), memory.get());
        return new CgroupV1(cpu.get(), memory.get(), root);
      }
      LOG.warn(
          "cgroups v1 root {} is not writable; tasks run without cgroups isolation",
          memory.get().resolve(root));
      return NoCgroups.INSTANCE;
    }
    var unified = mounts.v2();
    if (unified.isPresent() && offers(unified.get(), List.of("cpu", "memory"))) {
      if (writable(unified.get().resolve(root))) {
        LOG.info("isolating tasks with cgroups v2 under {}", unified.get());
        return new CgroupV2(unified.get(), root);
      }
      LOG.warn(
          "cgroups v2 root {} is not writable; tasks run without cgroups isolation",
          unified.get().resolve(root));
      return NoCgroups.INSTANCE;
    }
    LOG.warn("no cgroup hierarchy with cpu and memory controllers; tasks run without isolation");
    return NoCgroups.INSTANCE;
  }

  private static boolean offers(Path unified, List<String> controllers) {
    try {
      String available = Files.readString(unified.resolve("cgroup.controllers"));
      return Arrays.asList(available.trim().split("\\s+")).containsAll(controllers);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean writable(Path rootCgroup) {
    try {
      Files.createDirectories(rootCgroup);
      return Files.isWritable(rootCgroup);
    } catch (IOException e) {
      return false;
    }
  }
}
