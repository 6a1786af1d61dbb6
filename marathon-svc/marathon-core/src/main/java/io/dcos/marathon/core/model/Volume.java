package io.dcos.marathon.core.model;

/**
 * A volume mounted into the container: a host path, or a local persistent volume of {@code
 * persistentSizeMib} (then {@code hostPath} is null).
 */
public record Volume(
    String containerPath, String hostPath, VolumeMode mode, Long persistentSizeMib) {
  /** Access mode of a volume. */
  public enum VolumeMode {
    RO,
    RW
  }
}
