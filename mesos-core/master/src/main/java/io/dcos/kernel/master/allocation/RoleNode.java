package io.dcos.kernel.master.allocation;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A role in the hierarchy ({@code eng}, {@code eng/web}); the root has the empty path. Its own
 * frameworks live in a {@link RoleLeaf} child so they compete with its sub-roles, as Mesos's
 * hierarchical sorter does with its virtual leaf. Invariant: {@link #children} holds exactly the
 * sub-roles in {@link #byName} plus {@link #self} when present.
 */
final class RoleNode extends ShareNode {
  final Map<String, RoleNode> byName = new HashMap<>();
  final TreeSet<ShareNode> children = new TreeSet<>(ORDER);
  RoleLeaf self;

  /** Cache of {@link QuotaBook#quotaOf(RoleNode)}, valid for {@link #quotaVersion}. */
  QuotaBook.RoleQuota quota;

  long quotaVersion;

  RoleNode(String path, RoleNode parent) {
    super(path, parent);
  }

  boolean isRoot() {
    return parent == null;
  }
}
