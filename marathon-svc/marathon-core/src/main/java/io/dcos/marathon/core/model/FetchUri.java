package io.dcos.marathon.core.model;

/** A URI the agent fetches into the sandbox before the task starts. */
public record FetchUri(
    String uri, boolean extract, boolean executable, boolean cache, String destPath) {
  /** A URI with Marathon's defaults: extracted, not executable, not cached. */
  public static FetchUri of(String uri) {
    return new FetchUri(uri, true, false, false, null);
  }
}
