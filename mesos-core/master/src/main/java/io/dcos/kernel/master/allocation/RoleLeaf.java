package io.dcos.kernel.master.allocation;

import java.util.TreeSet;

/**
 * The frameworks subscribed to exactly one role, sorted by their dominant share within it.
 * Invariant: {@link #candidates} holds the member framework roles that want offers now, and {@link
 * #gpuCandidates} the GPU-aware subset of them.
 */
final class RoleLeaf extends ShareNode {
  final TreeSet<FrameworkRole> candidates = new TreeSet<>(FrameworkRole.ORDER);
  final TreeSet<FrameworkRole> gpuCandidates = new TreeSet<>(FrameworkRole.ORDER);
  int members;

  /** Cache of {@link QuotaBook#topGuaranteeOf(RoleLeaf)}, valid for {@link #quotaVersion}. */
  QuotaBook.RoleQuota topGuarantee;

  long quotaVersion;

  RoleLeaf(String role, RoleNode parent) {
    super(role, parent);
  }
}
