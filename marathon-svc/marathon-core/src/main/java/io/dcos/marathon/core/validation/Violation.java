package io.dcos.marathon.core.validation;

/**
 * One problem of a definition: the JSON path of the offending field as Marathon writes it ({@code
 * /container/docker/image}, {@code /apps(0)/cmd}) and a message.
 */
public record Violation(String path, String message) {
  /** This violation below {@code prefix}, such as {@code /apps(0)}. */
  public Violation under(String prefix) {
    return new Violation(path.equals("/") ? prefix : prefix + path, message);
  }
}
