package io.dcos.kernel.agent.resources;

import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.ValueRanges;

/**
 * Works out what an agent offers, as Mesos does: entries given on the command line win; cpus, mem,
 * disk and ports that are not given are detected (mem and disk leave room for the system).
 */
public final class ResourceDetector {
  /** What the machine has, read by the caller (keeps this class free of I/O). */
  public record MachineFacts(int cpus, long memoryMb, long diskFreeMb) {}

  private static final ValueRanges DEFAULT_PORTS = ValueRanges.of(31000, 32000);

  private ResourceDetector() {}

  public static Resources detect(String configured, MachineFacts machine) {
    Resources given = ResourceText.parse(configured);
    Resources.Builder b = Resources.builder().add(given);
    if (!given.names().contains("cpus")) {
      b.scalar("cpus", machine.cpus());
    }
    if (!given.names().contains("mem")) {
      // Mesos leaves half of memory, at most 1 GB, to the system.
      long reserve = Math.min(1024, machine.memoryMb() / 2);
      b.scalar("mem", Math.max(0, machine.memoryMb() - reserve));
    }
    if (!given.names().contains("disk")) {
      long reserve = Math.min(5 * 1024, machine.diskFreeMb() / 2);
      b.scalar("disk", Math.max(0, machine.diskFreeMb() - reserve));
    }
    if (!given.names().contains("ports")) {
      b.ranges("ports", DEFAULT_PORTS);
    }
    return b.build();
  }

  /** Reads the machine's cpus, memory and the free disk of {@code workDir}. */
  public static MachineFacts readMachine(java.nio.file.Path workDir) {
    int cpus = Runtime.getRuntime().availableProcessors();
    long memMb = 0;
    try {
      java.lang.management.OperatingSystemMXBean os =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        memMb = sun.getTotalMemorySize() / (1024 * 1024);
      }
    } catch (RuntimeException e) {
      memMb = 1024;
    }
    long diskMb = workDir.toFile().getUsableSpace() / (1024 * 1024);
    return new MachineFacts(cpus, memMb, diskMb);
  }
}
