package io.dcos.kernel.master.allocation;

import java.util.Comparator;

/**
 * A node of the role tree that competes with its siblings by weighted dominant share. Invariant:
 * {@link #sortKey} never changes while the node sits in its parent's sorted children, so the
 * parent's order stays consistent; {@link RoleTree} takes a node out before it changes its share.
 */
abstract class ShareNode {
  /** Lowest weighted share first; ties broken by role name so passes are deterministic. */
  static final Comparator<ShareNode> ORDER =
      (a, b) -> {
        int c = Double.compare(a.sortKey, b.sortKey);
        return c != 0 ? c : a.path.compareTo(b.path);
      };

  final String path;
  final RoleNode parent;

  /** Quantities allocated to every framework role at or below this node. */
  final long[] allocated = new long[Quantities.DIMS];

  double weight = 1.0;
  double sortKey;

  /** Framework roles below this node that want offers, of all kinds and GPU-aware only. */
  int offerableCount;

  int gpuOfferableCount;

  ShareNode(String path, RoleNode parent) {
    this.path = path;
    this.parent = parent;
  }

  int offerableCount(boolean gpuAgent) {
    return gpuAgent ? gpuOfferableCount : offerableCount;
  }
}
