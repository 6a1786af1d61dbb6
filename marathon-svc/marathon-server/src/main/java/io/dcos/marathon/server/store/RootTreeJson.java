package io.dcos.marathon.server.store;

import java.util.List;

/**
 * The stored form of a root group version: the groups and a reference to the version of every app,
 * so an app's definition is stored once per version however often the tree changes.
 */
record RootTreeJson(String version, List<GroupRow> groups, List<AppRef> apps) {
  /** A group without its children. */
  record GroupRow(String id, List<String> dependencies, boolean enforceRole, String version) {}

  /** An app at one version. */
  record AppRef(String id, String version) {}
}
