package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.ResourceKey;
import io.dcos.kernel.model.Resources;

/**
 * The compact form the allocator computes shares and caps with: the scalars cpus, mem, disk and
 * gpus as thousandths in a {@code long[DIMS]}, summed over all reservation roles. Keeping these
 * arrays next to the {@link Resources} they summarise keeps the allocation loop free of resource
 * arithmetic. Invariant: every array has {@link #DIMS} entries.
 */
final class Quantities {
  static final int CPUS = 0;
  static final int MEM = 1;
  static final int DISK = 2;
  static final int GPUS = 3;
  static final int DIMS = 4;

  /** Mesos's minimum allocatable resources: an offer needs cpus 0.01 or mem 32 MB. */
  static final long MIN_CPUS = 10;

  static final long MIN_MEM = 32_000;

  /** No cap on a dimension. */
  static final long UNLIMITED = Long.MAX_VALUE;

  private Quantities() {}

  /** The dimension of a resource name, or -1 when the allocator does not weigh it. */
  static int dim(String name) {
    switch (name) {
      case "cpus":
        return CPUS;
      case "mem":
        return MEM;
      case "disk":
        return DISK;
      case "gpus":
        return GPUS;
      default:
        return -1;
    }
  }

  static long millis(double value) {
    return Math.round(value * 1000);
  }

  /** The quantities of all scalars in {@code r}, whatever their reservation. */
  static long[] of(Resources r) {
    long[] q = new long[DIMS];
    for (ResourceKey k : r.scalarKeys()) {
      int d = dim(k.name());
      if (d >= 0) {
        q[d] += millis(r.scalar(k));
      }
    }
    return q;
  }

  /** The quantities of the unreserved scalars in {@code r}. */
  static long[] unreservedOf(Resources r) {
    long[] q = new long[DIMS];
    for (ResourceKey k : r.scalarKeys()) {
      int d = dim(k.name());
      if (d >= 0 && !k.reserved()) {
        q[d] += millis(r.scalar(k));
      }
    }
    return q;
  }

  static boolean meetsMinimum(long[] q) {
    return q[CPUS] >= MIN_CPUS || q[MEM] >= MIN_MEM;
  }

  static void add(long[] into, long[] q, int sign) {
    for (int d = 0; d < DIMS; d++) {
      into[d] += sign * q[d];
    }
  }

  /** True when no entry of {@code q} is above its cap. */
  static boolean within(long[] q, long[] cap) {
    for (int d = 0; d < DIMS; d++) {
      if (q[d] > cap[d]) {
        return false;
      }
    }
    return true;
  }

  static long[] unlimited() {
    long[] cap = new long[DIMS];
    java.util.Arrays.fill(cap, UNLIMITED);
    return cap;
  }

  /** A cap per dimension from the scalars named in {@code r}; dimensions not named are open. */
  static long[] capOf(Resources r) {
    long[] cap = unlimited();
    long[] q = of(r);
    for (ResourceKey k : r.scalarKeys()) {
      int d = dim(k.name());
      if (d >= 0) {
        cap[d] = q[d];
      }
    }
    return cap;
  }
}
