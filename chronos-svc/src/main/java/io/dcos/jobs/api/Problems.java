package io.dcos.jobs.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects field errors while a request body is checked; throws them all at once. */
public final class Problems {
  private final Map<String, List<String>> details = new LinkedHashMap<>();

  public void add(String path, String error) {
    details.computeIfAbsent(path, k -> new ArrayList<>()).add(error);
  }

  public void check(boolean ok, String path, String error) {
    if (!ok) {
      add(path, error);
    }
  }

  public void throwIfAny() {
    if (!details.isEmpty()) {
      throw new ValidationFailed(details);
    }
  }
}
