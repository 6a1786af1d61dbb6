package io.dcos.marathon.core.placement;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one instance of an app needs from an offer: scalar resources, host ports ({@code 0} = any
 * port), the roles whose resources it may use and its placement constraints. Invariant: amounts are
 * not negative and at least one role is accepted.
 */
public record ResourceRequest(
    double cpus,
    double mem,
    double disk,
    double gpus,
    List<Integer> hostPorts,
    Set<String> acceptedRoles,
    List<Constraint> constraints) {

  public ResourceRequest {
    if (cpus < 0 || mem < 0 || disk < 0 || gpus < 0) {
      throw new IllegalArgumentException("negative resources requested");
    }
    hostPorts = List.copyOf(hostPorts);
    for (int p : hostPorts) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("bad host port " + p);
      }
    }
    acceptedRoles = Set.copyOf(acceptedRoles);
    if (acceptedRoles.isEmpty()) {
      throw new IllegalArgumentException("no accepted role");
    }
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(constraints);
  }

  /** A request for unreserved resources only, without ports or constraints. */
  public static ResourceRequest of(double cpus, double mem, double disk) {
    return new ResourceRequest(
        cpus, mem, disk, 0, List.of(), Set.of(RolePool.UNRESERVED), List.of());
  }

  /** The amount of {@code kind} asked for. */
  public double amount(ScalarKind kind) {
    return switch (kind) {
      case CPUS -> cpus;
      case MEM -> mem;
      case DISK -> disk;
      case GPUS -> gpus;
    };
  }

  /** This request with other host ports. */
  public ResourceRequest withHostPorts(List<Integer> ports) {
    return new ResourceRequest(cpus, mem, disk, gpus, ports, acceptedRoles, constraints);
  }

  /** This request with other accepted roles. */
  public ResourceRequest withAcceptedRoles(Set<String> roles) {
    return new ResourceRequest(cpus, mem, disk, gpus, hostPorts, roles, constraints);
  }

  /** This request with other constraints. */
  public ResourceRequest withConstraints(List<Constraint> list) {
    return new ResourceRequest(cpus, mem, disk, gpus, hostPorts, acceptedRoles, list);
  }
}
