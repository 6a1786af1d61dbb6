package io.dcos.kernel.agent.containers;

/** A container could not be launched, recovered or entered; the message says why. */
public class ContainerException extends Exception {
  public ContainerException(String message) {
    super(message);
  }

  public ContainerException(String message, Throwable cause) {
    super(message, cause);
  }
}
