package io.dcos.kernel.master.core;

import io.dcos.kernel.master.config.MasterProperties;
import io.dcos.kernel.master.registry.Registrar;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * What the master's handlers share: configuration, time, the registry, the observers, and the loop
 * on which continuations of asynchronous work (registry writes) must run.
 */
record MasterContext(
    MasterProperties properties,
    Clock clock,
    Registrar registrar,
    Observers observers,
    Executor loop) {
  Instant now() {
    return clock.instant();
  }

  double nowSeconds() {
    return clock.millis() / 1000.0;
  }
}
