package io.dcos.marathon.core.model;

import java.time.Duration;
import java.util.Set;

/** A check that gates a rolling upgrade: a new task counts once it answers one of the codes. */
public record ReadinessCheck(
    String name,
    String protocol,
    String path,
    String portName,
    Duration interval,
    Duration timeout,
    Set<Integer> httpStatusCodesForReady,
    boolean preserveLastResponse) {
  public ReadinessCheck {
    httpStatusCodesForReady = Set.copyOf(httpStatusCodesForReady);
  }
}
