package io.dcos.kernel.master.http;

/** A query parameter of a master endpoint has a wrong value; answered 400 with the message. */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
