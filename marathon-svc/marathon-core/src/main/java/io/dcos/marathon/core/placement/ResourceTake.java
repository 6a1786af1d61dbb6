package io.dcos.marathon.core.placement;

/**
 * One piece of an offer to use for a launch: a scalar amount or a single port, from the pool of one
 * role. Invariant: the amount is positive.
 */
public sealed interface ResourceTake {
  /** The role of the pool the piece comes from ({@code "*"} when unreserved). */
  String role();

  /** An amount of a scalar resource. */
  record Scalar(ScalarKind kind, String role, double amount) implements ResourceTake {
    public Scalar {
      if (!(amount > 0)) {
        throw new IllegalArgumentException("amount must be positive");
      }
    }
  }

  /** One host port. */
  record Port(int port, String role) implements ResourceTake {}
}
