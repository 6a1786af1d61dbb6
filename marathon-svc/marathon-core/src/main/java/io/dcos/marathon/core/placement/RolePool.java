package io.dcos.marathon.core.placement;

import java.util.List;
import java.util.Objects;

/**
 * The resources of one offer that belong to one role: {@code "*"} for unreserved resources,
 * otherwise the role they are reserved for. Invariant: amounts are never negative.
 */
public record RolePool(
    String role, double cpus, double mem, double disk, double gpus, List<PortRange> ports) {

  /** The role of unreserved resources. */
  public static final String UNRESERVED = "*";

  public RolePool {
    Objects.requireNonNull(role, "role");
    if (cpus < 0 || mem < 0 || disk < 0 || gpus < 0) {
      throw new IllegalArgumentException("negative resources in pool " + role);
    }
    ports = List.copyOf(ports);
  }

  /** Unreserved resources. */
  public static RolePool unreserved(
      double cpus, double mem, double disk, double gpus, List<PortRange> ports) {
    return new RolePool(UNRESERVED, cpus, mem, disk, gpus, ports);
  }

  /** The scalar amount of {@code kind} in this pool. */
  public double amount(ScalarKind kind) {
    return switch (kind) {
      case CPUS -> cpus;
      case MEM -> mem;
      case DISK -> disk;
      case GPUS -> gpus;
    };
  }
}
