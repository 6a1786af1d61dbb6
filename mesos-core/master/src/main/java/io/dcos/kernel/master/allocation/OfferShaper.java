package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.ResourceKey;
import io.dcos.kernel.model.Resources;

/**
 * Cuts an agent's free resources to what a role may take: the part it may use (unreserved, or
 * reserved to it or an ancestor), no more than the role's and its ancestors' quota limits, and no
 * unreserved resources that the unsatisfied guarantees of other roles need (Mesos's headroom). In
 * the common case (no reservations, no binding quota) the agent's free resources are returned as
 * they are, without resource arithmetic. Invariant: an offer it returns meets the minimum
 * allocatable resources.
 */
final class OfferShaper {
  private final AllocationLedger ledger;
  private final QuotaBook quotas;

  /** Sum over top-level guaranteed roles of what their guarantee still lacks. */
  private final long[] requiredHeadroom = new long[Quantities.DIMS];

  private boolean headroomNeeded;

  OfferShaper(AllocationLedger ledger, QuotaBook quotas) {
    this.ledger = ledger;
    this.quotas = quotas;
  }

  /** Recomputes the headroom guarantees need; call after anything a guaranteed role holds moves. */
  void refreshRequiredHeadroom() {
    java.util.Arrays.fill(requiredHeadroom, 0);
    headroomNeeded = false;
    for (QuotaBook.RoleQuota q : quotas.topGuarantees()) {
      long[] lacking = unsatisfied(q);
      Quantities.add(requiredHeadroom, lacking, 1);
    }
    for (long r : requiredHeadroom) {
      headroomNeeded |= r > 0;
    }
  }

  /** What {@code q}'s guarantee still lacks, per dimension. */
  long[] unsatisfied(QuotaBook.RoleQuota q) {
    RoleNode node = ledger.roles.find(q.role());
    long[] lacking = new long[Quantities.DIMS];
    for (int d = 0; d < Quantities.DIMS; d++) {
      long held = node == null ? 0 : node.allocated[d];
      lacking[d] = Math.max(0, q.guarantee()[d] - held);
    }
    return lacking;
  }

  boolean isUnsatisfied(QuotaBook.RoleQuota q) {
    long[] lacking = unsatisfied(q);
    for (long l : lacking) {
      if (l > 0) {
        return true;
      }
    }
    return false;
  }

  /** True when a quota limit on the role leaves room for neither minimum cpus nor minimum mem. */
  boolean limitReached(RoleNode node) {
    QuotaBook.RoleQuota q = quotas.quotaOf(node);
    if (q == null || !q.hasLimit()) {
      return false;
    }
    long cpus = q.limit()[Quantities.CPUS] - node.allocated[Quantities.CPUS];
    long mem = q.limit()[Quantities.MEM] - node.allocated[Quantities.MEM];
    return cpus < Quantities.MIN_CPUS && mem < Quantities.MIN_MEM;
  }

  /**
   * The offer of {@code agent} to the role of {@code leaf}, or null when nothing worth offering
   * remains. In the guarantee stage {@code guaranteeStage} is the guaranteed role being served: the
   * unreserved resources it guarantees are cut to what the guarantee still lacks.
   */
  Offer offer(AgentState agent, RoleLeaf leaf, QuotaBook.RoleQuota guaranteeStage) {
    String role = leaf.path;
    Resources base;
    long[] baseQ;
    long[] baseUnreservedQ;
    if (agent.freeReservedRoles.isEmpty()) {
      base = agent.free;
      baseQ = agent.freeQ;
      baseUnreservedQ = agent.freeQ;
    } else if (agent.hasFreeReservationFor(role)) {
      base = agent.free.allocatableTo(role);
      baseQ = Quantities.of(base);
      baseUnreservedQ = agent.freeUnreservedQ;
    } else {
      base = agent.freeUnreserved;
      baseQ = agent.freeUnreservedQ;
      baseUnreservedQ = agent.freeUnreservedQ;
    }
    long[] limitCap = quotas.anyLimit() ? limitCap(leaf) : null;
    long[] unreservedCap =
        headroomNeeded || guaranteeStage != null ? unreservedCap(leaf, guaranteeStage) : null;
    boolean fits =
        (limitCap == null || Quantities.within(baseQ, limitCap))
            && (unreservedCap == null || Quantities.within(baseUnreservedQ, unreservedCap));
    if (fits) {
      if (!Quantities.meetsMinimum(baseQ)) {
        return null;
      }
      return new Offer(base, baseQ, base == agent.free);
    }
    Resources shrunk =
        shrink(
            base,
            limitCap == null ? Quantities.unlimited() : limitCap,
            unreservedCap == null ? Quantities.unlimited() : unreservedCap);
    long[] q = Quantities.of(shrunk);
    if (!Quantities.meetsMinimum(q)) {
      return null;
    }
    return new Offer(shrunk, q, false);
  }

  /** The most the role may still take under its own and its ancestors' limits. */
  private long[] limitCap(RoleLeaf leaf) {
    long[] cap = null;
    for (RoleNode n = leaf.parent; !n.isRoot(); n = n.parent) {
      QuotaBook.RoleQuota q = quotas.quotaOf(n);
      if (q == null || !q.hasLimit()) {
        continue;
      }
      if (cap == null) {
        cap = Quantities.unlimited();
      }
      for (int d = 0; d < Quantities.DIMS; d++) {
        if (q.limit()[d] != Quantities.UNLIMITED) {
          cap[d] = Math.min(cap[d], Math.max(0, q.limit()[d] - n.allocated[d]));
        }
      }
    }
    return cap;
  }

  /**
   * The most unreserved resources the role may take: what is free beyond the headroom the
   * guarantees need, plus what its own top-level guarantee lacks.
   */
  private long[] unreservedCap(RoleLeaf leaf, QuotaBook.RoleQuota guaranteeStage) {
    long[] cap = Quantities.unlimited();
    long[] available = ledger.agents.availableUnreserved;
    QuotaBook.RoleQuota own = quotas.topGuaranteeOf(leaf);
    long[] ownLacking = own == null ? null : unsatisfied(own);
    for (int d = 0; d < Quantities.DIMS; d++) {
      if (requiredHeadroom[d] > 0) {
        long surplus = available[d] - requiredHeadroom[d];
        cap[d] = Math.max(0, surplus + (ownLacking == null ? 0 : ownLacking[d]));
      }
    }
    if (guaranteeStage != null) {
      long[] lacking = ownLacking != null ? ownLacking : unsatisfied(guaranteeStage);
      for (int d = 0; d < Quantities.DIMS; d++) {
        if (guaranteeStage.guarantee()[d] > 0) {
          cap[d] = Math.min(cap[d], lacking[d]);
        }
      }
    }
    return cap;
  }

  /**
   * Cuts scalars to the caps: reserved resources first (they count against limits), then unreserved
   * ones, which also respect {@code unreservedCap}. Ranges and sets are kept whole.
   */
  static Resources shrink(Resources base, long[] totalCap, long[] unreservedCap) {
    Resources.Builder b = Resources.builder();
    long[] taken = new long[Quantities.DIMS];
    long[] takenUnreserved = new long[Quantities.DIMS];
    for (int pass = 0; pass < 2; pass++) {
      boolean reservedPass = pass == 0;
      for (ResourceKey k : base.scalarKeys()) {
        if (k.reserved() != reservedPass) {
          continue;
        }
        long value = Quantities.millis(base.scalar(k));
        int d = Quantities.dim(k.name());
        if (d >= 0) {
          long room = totalCap[d] == Quantities.UNLIMITED ? value : totalCap[d] - taken[d];
          if (!reservedPass && unreservedCap[d] != Quantities.UNLIMITED) {
            room = Math.min(room, unreservedCap[d] - takenUnreserved[d]);
          }
          value = Math.max(0, Math.min(value, room));
          taken[d] += value;
          if (!reservedPass) {
            takenUnreserved[d] += value;
          }
        }
        b.scalar(k.name(), k.role(), value / 1000.0);
      }
    }
    for (ResourceKey k : base.rangeKeys()) {
      b.ranges(k.name(), k.role(), base.ranges(k));
    }
    for (ResourceKey k : base.setKeys()) {
      b.set(k.name(), k.role(), base.set(k));
    }
    return b.build();
  }
}
