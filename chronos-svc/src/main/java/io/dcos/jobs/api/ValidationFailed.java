package io.dcos.jobs.api;

import java.util.List;
import java.util.Map;

/**
 * A request body with invalid fields: each detail is a JSON pointer path and its errors. Both APIs
 * render it in their own error shape.
 */
public final class ValidationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, List<String>> details;

  public ValidationFailed(Map<String, List<String>> details) {
    super("Object is not valid");
    this.details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  public Map<String, List<String>> details() {
    return details;
  }

  /** A single-field failure. */
  public static ValidationFailed at(String path, String error) {
    return new ValidationFailed(Map.of(path, List.of(error)));
  }
}
