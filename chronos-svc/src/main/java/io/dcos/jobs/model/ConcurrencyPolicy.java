package io.dcos.jobs.model;

/**
 * Whether a run may start while another run of the same job is active. {@code FORBID} skips the new
 * run (it is not queued); Chronos's {@code concurrent: false} is {@code FORBID}.
 */
public enum ConcurrencyPolicy {
  ALLOW,
  FORBID
}
