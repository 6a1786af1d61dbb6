package io.dcos.kernel.agent.fetcher;

/** A URI could not be fetched into the sandbox; the message names the URI and the reason. */
public class FetchException extends Exception {
  public FetchException(String uri, String reason) {
    super("cannot fetch " + uri + ": " + reason);
  }

  public FetchException(String uri, String reason, Throwable cause) {
    super("cannot fetch " + uri + ": " + reason, cause);
  }
}
