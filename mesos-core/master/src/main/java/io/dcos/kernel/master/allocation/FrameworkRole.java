package io.dcos.kernel.master.allocation;

import java.util.Comparator;

/**
 * A framework acting in one of its roles: what it holds in that role and its dominant share. Offers
 * are made per framework role. Invariant: {@link #share} never changes while the framework role
 * sits in its leaf's candidate sets.
 */
final class FrameworkRole {
  static final Comparator<FrameworkRole> ORDER =
      (a, b) -> {
        int c = Double.compare(a.share, b.share);
        return c != 0 ? c : a.framework.id.compareTo(b.framework.id);
      };

  final FrameworkState framework;
  final String role;
  final RoleLeaf leaf;
  final long[] allocated = new long[Quantities.DIMS];
  double share;

  /** Whether the framework currently names this role (it may still hold resources if not). */
  boolean subscribed = true;

  /** Number of agents on which this framework role holds resources. */
  int holdings;

  boolean inCandidates;
  boolean inGpuCandidates;

  FrameworkRole(FrameworkState framework, String role, RoleLeaf leaf) {
    this.framework = framework;
    this.role = role;
    this.leaf = leaf;
  }

  boolean wantsOffers() {
    return subscribed && framework.active && !framework.suppressed.contains(role);
  }
}
