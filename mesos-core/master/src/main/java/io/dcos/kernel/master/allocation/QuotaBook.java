package io.dcos.kernel.master.allocation;

import io.dcos.kernel.model.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Roles' quotas in compact form. A guarantee or limit applies to the role's whole subtree. Only
 * top-level guarantees (no ancestor has one) are set aside as headroom: a nested guarantee is part
 * of its parent's. Invariant: {@link #topGuarantees} is the set of guaranteed roles without a
 * guaranteed ancestor.
 */
final class QuotaBook {
  /** One role's quota; a guarantee of 0 or a limit of {@link Quantities#UNLIMITED} is no bound. */
  record RoleQuota(String role, long[] guarantee, long[] limit, boolean hasLimit) {
    boolean hasGuarantee() {
      for (long g : guarantee) {
        if (g > 0) {
          return true;
        }
      }
      return false;
    }
  }

  private final Map<String, RoleQuota> byRole = new HashMap<>();
  private List<RoleQuota> topGuarantees = List.of();
  private boolean anyLimit;

  /** Bumped on every change, so leaves can cache what applies to them. */
  private long version = 1;

  void set(String role, Quota quota) {
    version++;
    if (quota == null || (quota.guarantee().isEmpty() && quota.limit().isEmpty())) {
      byRole.remove(role);
    } else {
      byRole.put(
          role,
          new RoleQuota(
              role,
              Quantities.of(quota.guarantee()),
              Quantities.capOf(quota.limit()),
              !quota.limit().isEmpty()));
    }
    List<RoleQuota> tops = new ArrayList<>();
    anyLimit = false;
    for (RoleQuota q : byRole.values()) {
      anyLimit |= q.hasLimit();
      if (q.hasGuarantee() && !hasGuaranteedAncestor(q.role())) {
        tops.add(q);
      }
    }
    tops.sort((a, b) -> a.role().compareTo(b.role()));
    topGuarantees = List.copyOf(tops);
  }

  private boolean hasGuaranteedAncestor(String role) {
    for (RoleQuota q : byRole.values()) {
      if (!q.role().equals(role) && q.hasGuarantee() && Roles.isSelfOrAncestor(q.role(), role)) {
        return true;
      }
    }
    return false;
  }

  RoleQuota get(String role) {
    return byRole.get(role);
  }

  boolean isEmpty() {
    return byRole.isEmpty();
  }

  boolean anyLimit() {
    return anyLimit;
  }

  List<RoleQuota> topGuarantees() {
    return topGuarantees;
  }

  /** The quota of a role node, cached on the node until quotas change. */
  RoleQuota quotaOf(RoleNode node) {
    if (node.quotaVersion != version) {
      node.quota = byRole.get(node.path);
      node.quotaVersion = version;
    }
    return node.quota;
  }

  /** The top-level guaranteed role of a leaf, cached on the leaf until quotas change. */
  RoleQuota topGuaranteeOf(RoleLeaf leaf) {
    if (leaf.quotaVersion != version) {
      leaf.topGuarantee = topGuaranteeOf(leaf.path);
      leaf.quotaVersion = version;
    }
    return leaf.topGuarantee;
  }

  /** The top-level guaranteed role {@code role} falls under, or null. */
  RoleQuota topGuaranteeOf(String role) {
    for (RoleQuota q : topGuarantees) {
      if (Roles.isSelfOrAncestor(q.role(), role)) {
        return q;
      }
    }
    return null;
  }
}
