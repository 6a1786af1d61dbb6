package io.dcos.marathon.server.config;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The event bus and the {@code /v2/events} stream, under {@code marathon.events.*}. */
@Validated
@ConfigurationProperties("marathon.events")
public record EventsProperties(
    // Events buffered per subscriber before a slow one is disconnected.
    @DefaultValue("10000") @Min(16) int bufferSize,
    // Interval of SSE comment lines that keep idle connections open.
    @DefaultValue("15s") Duration heartbeat) {}
