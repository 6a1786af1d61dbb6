package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allocator's record of an agent: its total, who holds what of it, and its free resources with
 * their compact quantities cached for the allocation loop. Invariant: {@code free} is {@code total}
 * minus what its holdings add up to, and the cached quantities describe {@code free}.
 */
final class AgentState {
  /** The role key under which resources of a framework not yet known are held. */
  static final String UNATTRIBUTED = "";

  final String id;
  AgentProfile profile;
  Resources total;
  long[] totalQ;
  boolean hasGpus;
  boolean active = true;

  /** Framework id to role to the resources that framework role holds here. */
  final Map<String, Map<String, Resources>> holdings = new HashMap<>();

  Resources free = Resources.EMPTY;
  long[] freeQ = new long[Quantities.DIMS];
  Resources freeUnreserved = Resources.EMPTY;
  long[] freeUnreservedQ = new long[Quantities.DIMS];
  Set<String> freeReservedRoles = Set.of();
  boolean freeMeetsMinimum;

  /** The pass that last offered this agent, and the indexes of those offers in its output. */
  long offeredInPass = -1;

  final List<Integer> offersThisPass = new ArrayList<>(2);

  AgentState(String id, AgentProfile profile, Resources total) {
    this.id = id;
    this.profile = profile;
    setTotal(total);
  }

  void setTotal(Resources newTotal) {
    total = newTotal;
    totalQ = Quantities.of(newTotal);
    hasGpus = totalQ[Quantities.GPUS] > 0;
  }

  /** Everything offered or used on this agent, over all frameworks (not for the hot path). */
  Resources allocated() {
    Resources.Builder sum = Resources.builder();
    for (Map<String, Resources> byRole : holdings.values()) {
      byRole.values().forEach(sum::add);
    }
    return sum.build();
  }

  /** Sets the free resources and refreshes the cached views of them. */
  void setFree(Resources newFree) {
    free = newFree;
    if (newFree.isEmpty()) {
      freeQ = new long[Quantities.DIMS];
      freeUnreserved = Resources.EMPTY;
      freeUnreservedQ = freeQ;
      freeReservedRoles = Set.of();
      freeMeetsMinimum = false;
      return;
    }
    freeQ = Quantities.of(newFree);
    freeReservedRoles = newFree.reservedRoles();
    if (freeReservedRoles.isEmpty()) {
      freeUnreserved = newFree;
      freeUnreservedQ = freeQ;
    } else {
      freeUnreserved = newFree.unreserved();
      freeUnreservedQ = Quantities.of(freeUnreserved);
    }
    freeMeetsMinimum = Quantities.meetsMinimum(freeQ);
  }

  /** True when some free resources are reserved to {@code role} or one of its ancestors. */
  boolean hasFreeReservationFor(String role) {
    for (String reserved : freeReservedRoles) {
      if (Roles.isSelfOrAncestor(reserved, role)) {
        return true;
      }
    }
    return false;
  }
}
