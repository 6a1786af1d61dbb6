package io.dcos.jobs.model;

/** Metronome's run states; SUCCESS and FAILED are final. */
public enum RunStatus {
  INITIAL,
  STARTING,
  ACTIVE,
  SUCCESS,
  FAILED;

  public boolean isFinal() {
    return this == SUCCESS || this == FAILED;
  }
}
