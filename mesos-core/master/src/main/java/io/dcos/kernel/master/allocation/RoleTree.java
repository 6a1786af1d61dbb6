package io.dcos.kernel.master.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hierarchical DRF bookkeeping: the role tree with every node's allocation and weighted dominant
 * share, siblings kept sorted so an allocation pass walks roles lowest-share-first without sorting.
 * Shares are relative to the cluster totals last given to {@link #resort}. Invariant: a node's
 * {@code allocated} is the sum over its children, and each sorted set is ordered by current keys.
 */
final class RoleTree {
  private final RoleNode root = new RoleNode("", null);
  private final Map<String, RoleNode> nodes = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  private double[] inverseTotals = new double[Quantities.DIMS];

  RoleNode root() {
    return root;
  }

  /** The node of {@code role}, or null when no framework uses the role or a sub-role. */
  RoleNode find(String role) {
    return nodes.get(role);
  }

  void setWeight(String role, double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of role " + role + " must be positive");
    }
    weights.put(role, weight);
  }

  double weight(String role) {
    return weights.getOrDefault(role, 1.0);
  }

  /** Adds a framework role to its leaf, creating the role's path as needed. */
  FrameworkRole join(FrameworkState framework, String role) {
    RoleNode node = root;
    int from = 0;
    while (true) {
      int slash = role.indexOf('/', from);
      String path = slash < 0 ? role : role.substring(0, slash);
      node = child(node, path);
      if (slash < 0) {
        break;
      }
      from = slash + 1;
    }
    if (node.self == null) {
      node.self = new RoleLeaf(role, node);
      node.self.weight = weight(role);
      node.self.sortKey = 0;
      node.children.add(node.self);
    }
    node.self.members++;
    return new FrameworkRole(framework, role, node.self);
  }

  private RoleNode child(RoleNode parent, String path) {
    RoleNode existing = parent.byName.get(path);
    if (existing != null) {
      return existing;
    }
    RoleNode created = new RoleNode(path, parent);
    created.weight = weight(path);
    created.sortKey = 0;
    parent.byName.put(path, created);
    parent.children.add(created);
    nodes.put(path, created);
    return created;
  }

  /** Removes a framework role that holds nothing, pruning roles left without frameworks. */
  void leave(FrameworkRole fr) {
    setOfferable(fr, false, false);
    RoleLeaf leaf = fr.leaf;
    leaf.members--;
    if (leaf.members > 0) {
      return;
    }
    RoleNode node = leaf.parent;
    node.children.remove(leaf);
    node.self = null;
    while (!node.isRoot() && node.children.isEmpty()) {
      RoleNode parent = node.parent;
      parent.children.remove(node);
      parent.byName.remove(node.path);
      nodes.remove(node.path);
      node = parent;
    }
  }

  /** Brings a framework role's candidate membership in line with whether it wants offers. */
  void refresh(FrameworkRole fr) {
    boolean wants = fr.wantsOffers();
    setOfferable(fr, wants, wants && fr.framework.gpuAware);
  }

  private void setOfferable(FrameworkRole fr, boolean offerable, boolean gpu) {
    int delta = (offerable ? 1 : 0) - (fr.inCandidates ? 1 : 0);
    int gpuDelta = (gpu ? 1 : 0) - (fr.inGpuCandidates ? 1 : 0);
    if (delta == 0 && gpuDelta == 0) {
      return;
    }
    RoleLeaf leaf = fr.leaf;
    if (fr.inCandidates) {
      leaf.candidates.remove(fr);
    }
    if (fr.inGpuCandidates) {
      leaf.gpuCandidates.remove(fr);
    }
    fr.inCandidates = offerable;
    fr.inGpuCandidates = gpu;
    // Shares of framework roles outside the sets are not kept current by resort.
    fr.share = dominantShare(fr.allocated);
    if (offerable) {
      leaf.candidates.add(fr);
    }
    if (gpu) {
      leaf.gpuCandidates.add(fr);
    }
    for (ShareNode n = leaf; n != null; n = n.parent) {
      n.offerableCount += delta;
      n.gpuOfferableCount += gpuDelta;
    }
  }

  /** Adds ({@code sign} 1) or removes ({@code sign} -1) quantities held by a framework role. */
  void allocate(FrameworkRole fr, long[] q, int sign) {
    RoleLeaf leaf = fr.leaf;
    if (fr.inCandidates) {
      leaf.candidates.remove(fr);
    }
    if (fr.inGpuCandidates) {
      leaf.gpuCandidates.remove(fr);
    }
    Quantities.add(fr.allocated, q, sign);
    fr.share = dominantShare(fr.allocated);
    if (fr.inCandidates) {
      leaf.candidates.add(fr);
    }
    if (fr.inGpuCandidates) {
      leaf.gpuCandidates.add(fr);
    }
    ShareNode n = leaf;
    while (n.parent != null) {
      RoleNode parent = n.parent;
      parent.children.remove(n);
      Quantities.add(n.allocated, q, sign);
      n.sortKey = dominantShare(n.allocated) / n.weight;
      parent.children.add(n);
      n = parent;
    }
    Quantities.add(n.allocated, q, sign);
  }

  double dominantShare(long[] q) {
    double share = 0;
    for (int d = 0; d < Quantities.DIMS; d++) {
      share = Math.max(share, q[d] * inverseTotals[d]);
    }
    return share;
  }

  /** Recomputes every share against new cluster totals or weights and re-sorts the tree. */
  void resort(long[] clusterTotals) {
    for (int d = 0; d < Quantities.DIMS; d++) {
      inverseTotals[d] = clusterTotals[d] > 0 ? 1.0 / clusterTotals[d] : 0.0;
    }
    resort(root);
  }

  private void resort(RoleNode node) {
    List<ShareNode> children = new ArrayList<>(node.children);
    node.children.clear();
    for (ShareNode child : children) {
      if (child instanceof RoleNode inner) {
        resort(inner);
      } else {
        resortLeaf((RoleLeaf) child);
      }
      child.weight = weight(child.path);
      child.sortKey = dominantShare(child.allocated) / child.weight;
    }
    node.children.addAll(children);
  }

  private void resortLeaf(RoleLeaf leaf) {
    List<FrameworkRole> all = new ArrayList<>(leaf.candidates);
    List<FrameworkRole> gpu = new ArrayList<>(leaf.gpuCandidates);
    leaf.candidates.clear();
    leaf.gpuCandidates.clear();
    for (FrameworkRole fr : all) {
      fr.share = dominantShare(fr.allocated);
    }
    for (FrameworkRole fr : gpu) {
      fr.share = dominantShare(fr.allocated);
    }
    leaf.candidates.addAll(all);
    leaf.gpuCandidates.addAll(gpu);
  }
}
