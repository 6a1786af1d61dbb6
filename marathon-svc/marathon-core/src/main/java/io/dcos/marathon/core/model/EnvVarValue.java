package io.dcos.marathon.core.model;

/** The value of one environment variable: a literal string or a reference to a named secret. */
public sealed interface EnvVarValue {
  /** A plain value. */
  record Literal(String value) implements EnvVarValue {}

  /** {@code {"secret": "name"}}: the value of the app's secret with that name. */
  record SecretRef(String secret) implements EnvVarValue {}

  static EnvVarValue of(String value) {
    return new Literal(value);
  }
}
