package io.dcos.kernel.agent.containers.process.cgroups;

import io.dcos.kernel.model.Resources;

/**
 * The cgroup limits derived from a task's resources, in the units both cgroup versions use. Null
 * fields mean "no limit of this kind". Invariant: non-null values are within the kernel's accepted
 * ranges (shares at least 2, quota at least 1 ms, memory at least 32 MB as Mesos enforces).
 */
public record CgroupLimits(
    Long cpuShares, Long cfsQuotaMicros, long cfsPeriodMicros, Long memoryBytes) {

  /** The CFS period Mesos uses (100 ms). */
  public static final long DEFAULT_CFS_PERIOD_MICROS = 100_000;

  /** The smallest memory limit Mesos allows for a container. */
  public static final long MIN_MEMORY_BYTES = 32L * 1024 * 1024;

  private static final long MIN_CFS_QUOTA_MICROS = 1_000;

  public static final CgroupLimits NONE =
      new CgroupLimits(null, null, DEFAULT_CFS_PERIOD_MICROS, null);

  /** Limits for {@code cpus} and {@code mem} (MB); {@code cfsQuota} adds a hard CPU cap. */
  public static CgroupLimits from(Resources resources, boolean cfsQuota) {
    double cpus = resources.scalar("cpus");
    double memMb = resources.scalar("mem");
    Long shares = cpus > 0 ? Math.max(2, Math.round(1024 * cpus)) : null;
    Long quota =
        cpus > 0 && cfsQuota
            ? Math.max(MIN_CFS_QUOTA_MICROS, Math.round(cpus * DEFAULT_CFS_PERIOD_MICROS))
            : null;
    Long memory = memMb > 0 ? Math.max(MIN_MEMORY_BYTES, Math.round(memMb * 1024 * 1024)) : null;
    return new CgroupLimits(shares, quota, DEFAULT_CFS_PERIOD_MICROS, memory);
  }

  /** cgroup v2 {@code cpu.weight} (1..10000) for the v1 shares, with runc's conversion. */
  public Long cpuWeight() {
    if (cpuShares == null) {
      return null;
    }
    long weight = 1 + ((cpuShares - 2) * 9999) / 262142;
    return Math.max(1, Math.min(10_000, weight));
  }

  /** cgroup v2 {@code cpu.max}: "quota period", or "max period" without a quota. */
  public String cpuMax() {
    return (cfsQuotaMicros == null ? "max" : Long.toString(cfsQuotaMicros)) + " " + cfsPeriodMicros;
  }
}
