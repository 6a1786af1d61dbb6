package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Roles;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The allocator's record of a framework. Invariant: {@link #suppressed} only names roles the
 * framework is subscribed to, and {@link #agentsWithAllocation} lists exactly the agents that hold
 * resources allocated to it.
 */
final class FrameworkState {
  final String id;
  boolean gpuAware;
  boolean active = true;
  final Map<String, FrameworkRole> roles = new TreeMap<>();
  final Set<String> suppressed = new TreeSet<>();
  final Set<String> agentsWithAllocation = new LinkedHashSet<>();

  FrameworkState(String id, boolean gpuAware) {
    this.id = id;
    this.gpuAware = gpuAware;
  }

  /** The subscribed roles, the default role when a profile names none. */
  static Set<String> subscribedRoles(FrameworkProfile profile) {
    return profile.roles().isEmpty() ? Set.of(Roles.DEFAULT) : new TreeSet<>(profile.roles());
  }

  /** The role used resources are accounted to when nothing better is known: the first one. */
  String primaryRole() {
    for (FrameworkRole fr : roles.values()) {
      if (fr.subscribed) {
        return fr.role;
      }
    }
    return roles.keySet().iterator().next();
  }

  /** The subscribed role that may use resources reserved to {@code reservationRole}. */
  String roleForReservation(String reservationRole) {
    for (FrameworkRole fr : roles.values()) {
      if (fr.subscribed && Roles.isSelfOrAncestor(reservationRole, fr.role)) {
        return fr.role;
      }
    }
    return primaryRole();
  }
}
