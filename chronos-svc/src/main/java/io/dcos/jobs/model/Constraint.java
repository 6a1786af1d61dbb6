package io.dcos.jobs.model;

/**
 * A placement rule on an agent attribute ({@code hostname} is the agent's host name). Operators:
 * {@code EQ}/{@code IS}/{@code EQUALS} (same text), {@code LIKE} (the value is a regular expression
 * the whole attribute matches), {@code UNLIKE} (it does not).
 */
public record Constraint(String attribute, String operator, String value) {
  /** True when an agent whose attribute reads {@code actual} (null when absent) satisfies this. */
  public boolean matches(String actual) {
    return switch (operator) {
      case "EQ", "IS", "EQUALS" -> value.equals(actual);
      case "LIKE" -> actual != null && actual.matches(value);
      case "UNLIKE" -> actual == null || !actual.matches(value);
      default -> false;
    };
  }
}
