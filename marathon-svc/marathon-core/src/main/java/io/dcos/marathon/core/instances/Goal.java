package io.dcos.marathon.core.instances;

/** What should become of an instance: keep it running, or stop it and forget it. */
public enum Goal {
  RUNNING,
  /** Being killed (scale down, upgrade, delete, kill API); not replaced when it ends. */
  DECOMMISSIONED
}
