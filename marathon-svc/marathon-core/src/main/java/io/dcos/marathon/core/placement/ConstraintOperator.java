package io.dcos.marathon.core.placement;

import java.util.Optional;

/**
 * Marathon's placement operators. Invariant: the name is the exact word used in the {@code
 * ["field","OP","value"]} form of an app definition.
 */
public enum ConstraintOperator {
  /** Every instance on a distinct value of the field. No value. */
  UNIQUE,
  /** Every instance on one value: the given value, or the value of the first instance. */
  CLUSTER,
  /** Instances spread evenly over the values of the field; optional expected number of values. */
  GROUP_BY,
  /** The field's value fully matches the regular expression. */
  LIKE,
  /** The field's value does not match the regular expression; agents lacking the field pass. */
  UNLIKE,
  /** At most n instances per value of the field. */
  MAX_PER,
  /** The field's value equals the given value. */
  IS;

  /** The operator named {@code word}, if it is one of Marathon's. */
  public static Optional<ConstraintOperator> named(String word) {
    for (ConstraintOperator op : values()) {
      if (op.name().equals(word)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
