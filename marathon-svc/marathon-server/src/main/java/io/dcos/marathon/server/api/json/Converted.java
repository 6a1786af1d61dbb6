package io.dcos.marathon.server.api.json;

import io.dcos.marathon.core.validation.Violation;
import java.util.List;

/** The result of converting JSON to the model: the value, or the problems that stopped it. */
public record Converted<T>(T value, List<Violation> violations) {
  public Converted {
    violations = List.copyOf(violations);
  }

  public boolean ok() {
    return violations.isEmpty();
  }
}
