package io.dcos.marathon.server.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored app versions to delete: each app keeps its newest {@code keep} versions (Marathon's
 * {@code --zk_max_versions}), and any older version that a kept root group version still refers to,
 * so a group rollback always finds its apps.
 */
final class AppVersionPruning {
  private AppVersionPruning() {}

  /** An app at one version. */
  record AppVersion(String appId, Instant version) {}

  /**
   * The versions to delete of the apps in {@code versions} (every stored version by app id); {@code
   * referenced} holds the app versions the kept root group versions name.
   */
  static List<AppVersion> obsolete(
      Map<String, List<Instant>> versions, Set<AppVersion> referenced, int keep) {
    List<AppVersion> out = new ArrayList<>();
    for (Map.Entry<String, List<Instant>> e : versions.entrySet()) {
      List<Instant> newestFirst = new ArrayList<>(e.getValue());
      newestFirst.sort(Comparator.reverseOrder());
      for (int i = keep; i < newestFirst.size(); i++) {
        AppVersion v = new AppVersion(e.getKey(), newestFirst.get(i));
        if (!referenced.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** The apps of {@code versions} with more than {@code keep} versions. */
  static List<String> overLimit(Map<String, List<Instant>> versions, int keep) {
    return versions.entrySet().stream()
        .filter(e -> e.getValue().size() > keep)
        .map(Map.Entry::getKey)
        .toList();
  }
}
