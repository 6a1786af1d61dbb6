package io.dcos.marathon.server.api;

import io.dcos.marathon.core.model.PathId;
import java.util.List;

/**
 * The part of a {@code /v2/apps/...} URL after {@code /v2/apps}: an app id, maybe followed by
 * {@code /restart}, {@code /versions[/v]}, {@code /tasks[/taskId]}.
 */
record AppPath(PathId appId, Resource resource, String rest) {
  /** What the URL names. */
  enum Resource {
    APP,
    RESTART,
    VERSIONS,
    VERSION,
    TASKS,
    TASK
  }

  static AppPath parse(String path) {
    List<String> s = PathId.parse(path).segments();
    int n = s.size();
    if (n == 0) {
      throw ApiException.notFound("App '/' does not exist");
    }
    if (n >= 2 && s.get(n - 1).equals("restart")) {
      return new AppPath(id(s, n - 1), Resource.RESTART, null);
    }
    if (n >= 2 && s.get(n - 1).equals("versions")) {
      return new AppPath(id(s, n - 1), Resource.VERSIONS, null);
    }
    if (n >= 3 && s.get(n - 2).equals("versions")) {
      return new AppPath(id(s, n - 2), Resource.VERSION, s.get(n - 1));
    }
    if (n >= 2 && s.get(n - 1).equals("tasks")) {
      return new AppPath(id(s, n - 1), Resource.TASKS, null);
    }
    if (n >= 3 && s.get(n - 2).equals("tasks")) {
      return new AppPath(id(s, n - 2), Resource.TASK, s.get(n - 1));
    }
    return new AppPath(PathId.parse(path), Resource.APP, null);
  }

  /** The app id of a URL that must name an app itself. */
  PathId requireApp() {
    if (resource != Resource.APP) {
      throw ApiException.notFound("Not found: /v2/apps" + appId + "/...");
    }
    return appId;
  }

  private static PathId id(List<String> segments, int end) {
    return new PathId(segments.subList(0, end));
  }
}
