package io.dcos.jobs.schedule;

/** A schedule text that cannot be read; the message says what is wrong, for an API error. */
public final class InvalidScheduleException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String message) {
    super(message);
  }
}
