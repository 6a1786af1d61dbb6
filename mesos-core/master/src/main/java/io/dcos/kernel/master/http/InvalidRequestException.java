package io.dcos.kernel.master.http;

/** The body of an operator request cannot be understood; answered 400 with the message. */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
