package io.dcos.marathon.core.placement;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether one more instance may go to a candidate agent given where the app's instances
 * already are. Invariant: pure; an agent lacking the field fails every operator except UNLIKE.
 */
public final class ConstraintCheck {
  private ConstraintCheck() {}

  /** True when {@code candidate} satisfies {@code constraint} next to {@code placed}. */
  public static boolean satisfied(
      Constraint constraint, AgentPlace candidate, Collection<AgentPlace> placed) {
    if (!constraint.validate().isEmpty()) {
      return false;
    }
    Optional<String> own = candidate.valueOf(constraint.field());
    if (own.isEmpty()) {
      return constraint.operator() == ConstraintOperator.UNLIKE;
    }
    String value = own.get();
    return switch (constraint.operator()) {
      case UNIQUE -> countWith(constraint.field(), value, placed) == 0;
      case CLUSTER ->
          constraint
              .optionalValue()
              .map(value::equals)
              .orElseGet(
                  () ->
                      placed.stream()
                          .allMatch(p -> p.valueOf(constraint.field()).equals(Optional.of(value))));
      case GROUP_BY -> groupBy(constraint, value, placed);
      case LIKE -> constraint.pattern().orElseThrow().matcher(value).matches();
      case UNLIKE -> !constraint.pattern().orElseThrow().matcher(value).matches();
      case MAX_PER ->
          countWith(constraint.field(), value, placed) < constraint.count().orElseThrow();
      case IS -> same(value, constraint.value());
    };
  }

  /**
   * The agent is acceptable when it has a value the app has not used yet, or the least used one.
   */
  private static boolean groupBy(Constraint c, String value, Collection<AgentPlace> placed) {
    Map<String, Integer> counts = new HashMap<>();
    for (AgentPlace p : placed) {
      p.valueOf(c.field()).ifPresent(v -> counts.merge(v, 1, Integer::sum));
    }
    Integer mine = counts.get(value);
    if (mine == null) {
      return true;
    }
    int expectedGroups = c.count().orElse(0);
    int least = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return counts.size() >= expectedGroups && mine == least;
  }

  private static long countWith(String field, String value, Collection<AgentPlace> placed) {
    return placed.stream().filter(p -> p.valueOf(field).equals(Optional.of(value))).count();
  }

  /** Text equality, or numeric equality for scalar attributes ({@code "2"} is {@code "2.0"}). */
  private static boolean same(String actual, String expected) {
    if (actual.equals(expected)) {
      return true;
    }
    try {
      return Double.parseDouble(actual) == Double.parseDouble(expected);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
