package io.dcos.marathon.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How standbys forward API calls to the leader, under {@code marathon.leader-proxy.*}. */
@Validated
@ConfigurationProperties("marathon.leader-proxy")
public record LeaderProxyProperties(
    // Connect timeout to the leader.
    @DefaultValue("5s") Duration connectTimeout,
    // Longest wait for the leader's answer (event streams are not limited).
    @DefaultValue("10s") Duration readTimeout) {}
