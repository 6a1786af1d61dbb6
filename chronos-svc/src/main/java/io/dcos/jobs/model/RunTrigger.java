package io.dcos.jobs.model;

/** Why a run was started. */
public enum RunTrigger {
  SCHEDULE,
  MANUAL,
  DEPENDENCY
}
