package io.dcos.kernel.agent.health;

import java.time.Duration;

/** One kind of health probe (command, HTTP, TCP). A probe that exceeds the timeout failed. */
public interface HealthChecker {
  /** Probes once; true when healthy. Never throws: any error is a failed check. */
  boolean check(Duration timeout);
}
