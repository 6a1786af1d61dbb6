package io.dcos.marathon.server.scheduling;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the scheduler works with the kernel, under {@code marathon.scheduling.*}. */
@Validated
@ConfigurationProperties("marathon.scheduling")
public record SchedulingProperties(
    // Run the framework on the elected leader; false gives an API-only instance.
    @DefaultValue("true") boolean enabled,
    // How often the scheduler re-evaluates deployments, backoffs and unreachable instances.
    @DefaultValue("1s") @NotNull Duration tick,
    // How often it reconciles every task with the kernel (explicit, then implicit).
    @DefaultValue("10m") @NotNull Duration reconciliationInterval,
    // How long declined offers stay away while something waits to be launched.
    @DefaultValue("5s") @NotNull Duration declineWhileWaiting,
    // How long declined offers stay away while nothing waits (offers are suppressed too).
    @DefaultValue("120s") @NotNull Duration declineWhileIdle,
    // How long an API call waits for the scheduler's loop.
    @DefaultValue("30s") @NotNull Duration callTimeout,
    // Timeout of one readiness check request.
    @DefaultValue("5s") @NotNull Duration readinessTimeout) {}
