package io.dcos.jobs.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the leader enforces runs' time limits (Chronos {@code maxCompletionTime}, Metronome {@code
 * maxLaunchDelay}), under {@code chronos.run-limits.*}.
 */
@Validated
@ConfigurationProperties("chronos.run-limits")
public record RunLimitProperties(
    // How often active runs are checked against their limits; a limit is enforced this late at
    // most.
    @DefaultValue("1s") Duration checkInterval,
    // A run stopped for its limit that is still active is stopped again after this long.
    @DefaultValue("30s") Duration retryStopAfter) {}
