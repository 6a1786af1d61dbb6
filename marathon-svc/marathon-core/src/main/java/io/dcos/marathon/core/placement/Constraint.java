package io.dcos.marathon.core.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A placement rule of an app, Marathon's {@code [field, operator, value]} triple. The field is an
 * agent attribute or one of {@code @hostname}, {@code @region}, {@code @zone}; the value is null
 * for operators that take none (UNIQUE, optionally CLUSTER and GROUP_BY). Invariant: matching never
 * throws; a constraint that {@link #validate} rejects is never satisfied.
 */
public record Constraint(String field, ConstraintOperator operator, String value) {

  /** The field naming the agent's hostname. */
  public static final String HOSTNAME = "@hostname";

  /** The field naming the agent's fault-domain region. */
  public static final String REGION = "@region";

  /** The field naming the agent's fault-domain zone. */
  public static final String ZONE = "@zone";

  public Constraint {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
  }

  /** A constraint without a value. */
  public static Constraint of(String field, ConstraintOperator operator) {
    return new Constraint(field, operator, null);
  }

  /** A constraint with a value. */
  public static Constraint of(String field, ConstraintOperator operator, String value) {
    return new Constraint(field, operator, value);
  }

  /**
   * Parses Marathon's {@code ["field","OP"]} or {@code ["field","OP","value"]} form. The result
   * holds either the constraint or the problems, phrased for a 422 body.
   */
  public static ParseResult parse(List<String> parts) {
    if (parts == null || parts.size() < 2 || parts.size() > 3) {
      return ParseResult.failed("Each constraint must have either 2 or 3 fields");
    }
    String field = parts.get(0);
    if (field == null || field.isBlank()) {
      return ParseResult.failed("Missing field and operator");
    }
    Optional<ConstraintOperator> op = ConstraintOperator.named(parts.get(1));
    if (op.isEmpty()) {
      return ParseResult.failed(
          "Constraint operator must be one of the following: "
              + Arrays.toString(ConstraintOperator.values()));
    }
    Constraint c = new Constraint(field, op.get(), parts.size() == 3 ? parts.get(2) : null);
    List<String> problems = c.validate();
    return problems.isEmpty()
        ? new ParseResult(Optional.of(c), List.of())
        : new ParseResult(Optional.empty(), problems);
  }

  /** Problems with this constraint, phrased for a 422 body; empty when it is valid. */
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    switch (operator) {
      case UNIQUE -> {
        if (value != null) {
          problems.add("Value specified but not used");
        }
      }
      case CLUSTER -> {
        if (value != null && value.isEmpty()) {
          problems.add("Value must not be empty");
        }
      }
      case GROUP_BY -> {
        if (value != null) {
          requirePositiveInteger(value, problems);
        }
      }
      case MAX_PER -> {
        if (value == null) {
          problems.add("Missing value");
        } else {
          requirePositiveInteger(value, problems);
        }
      }
      case LIKE, UNLIKE -> {
        if (value == null) {
          problems.add("A regular expression value must be provided");
        } else if (pattern().isEmpty()) {
          problems.add("'" + value + "' is not a valid regular expression");
        }
      }
      case IS -> {
        if (value == null || value.isEmpty()) {
          problems.add("Missing value");
        }
      }
    }
    return problems;
  }

  private static void requirePositiveInteger(String v, List<String> problems) {
    try {
      if (Integer.parseInt(v) < 1) {
        problems.add("Value must be a positive integer");
      }
    } catch (NumberFormatException e) {
      problems.add("Value was not a valid integer");
    }
  }

  /** The value, when there is one. */
  public Optional<String> optionalValue() {
    return Optional.ofNullable(value);
  }

  /** The integer value of GROUP_BY and MAX_PER, when given and valid. */
  public Optional<Integer> count() {
    try {
      return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The regular expression of LIKE and UNLIKE, when given and valid. */
  public Optional<Pattern> pattern() {
    try {
      return value == null ? Optional.empty() : Optional.of(Pattern.compile(value));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** Marathon's JSON form of this constraint. */
  public List<String> toList() {
    return value == null ? List.of(field, operator.name()) : List.of(field, operator.name(), value);
  }

  @Override
  public String toString() {
    return toList().toString();
  }

  /** The outcome of {@link #parse}: a constraint, or the problems found. */
  public record ParseResult(Optional<Constraint> constraint, List<String> problems) {
    static ParseResult failed(String problem) {
      return new ParseResult(Optional.empty(), List.of(problem));
    }

    /** True when a constraint was parsed. */
    public boolean ok() {
      return constraint.isPresent();
    }
  }
}
