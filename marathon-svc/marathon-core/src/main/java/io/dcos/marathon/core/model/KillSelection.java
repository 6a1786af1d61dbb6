package io.dcos.marathon.core.model;

/** Which instances go first when an app scales down. */
public enum KillSelection {
  YOUNGEST_FIRST,
  OLDEST_FIRST
}
