package io.dcos.marathon.core.placement;

import java.util.Optional;

/**
 * Why an offer did not fit a request. {@code detail} names the constraint or port concerned.
 * Invariant: one reason per failed check.
 */
public record NoMatchReason(Kind kind, Optional<String> detail) {

  /** The checks Marathon reports on in its offer statistics. */
  public enum Kind {
    INSUFFICIENT_CPUS,
    INSUFFICIENT_MEMORY,
    INSUFFICIENT_DISK,
    INSUFFICIENT_GPUS,
    INSUFFICIENT_PORTS,
    UNFULFILLED_ROLE,
    UNFULFILLED_CONSTRAINT
  }

  static NoMatchReason of(Kind kind) {
    return new NoMatchReason(kind, Optional.empty());
  }

  static NoMatchReason of(Kind kind, String detail) {
    return new NoMatchReason(kind, Optional.of(detail));
  }

  static Kind insufficient(ScalarKind scalar) {
    return switch (scalar) {
      case CPUS -> Kind.INSUFFICIENT_CPUS;
      case MEM -> Kind.INSUFFICIENT_MEMORY;
      case DISK -> Kind.INSUFFICIENT_DISK;
      case GPUS -> Kind.INSUFFICIENT_GPUS;
    };
  }
}
