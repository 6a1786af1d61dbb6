package io.dcos.marathon.core.model;

import java.time.Instant;

/**
 * When an app changed: {@code version} is the last change of any kind, the others the last scaling
 * and the last change that needs a restart.
 */
public record VersionInfo(Instant version, Instant lastScalingAt, Instant lastConfigChangeAt) {
  /** A first version: every timestamp the same. */
  public static VersionInfo initial(Instant at) {
    return new VersionInfo(at, at, at);
  }

  /** After a change of instances only. */
  public VersionInfo scaledAt(Instant at) {
    return new VersionInfo(at, at, lastConfigChangeAt);
  }

  /** After a change that needs new tasks. */
  public VersionInfo configChangedAt(Instant at) {
    return new VersionInfo(at, at, at);
  }
}
