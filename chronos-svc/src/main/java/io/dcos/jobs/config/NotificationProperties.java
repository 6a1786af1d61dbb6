package io.dcos.jobs.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Failure notifications, under {@code chronos.notification.*} (Chronos's HTTP notifier). */
@Validated
@ConfigurationProperties("chronos.notification")
public record NotificationProperties(
    // Where a JSON body is posted when a run fails or a job is disabled (Chronos
    // --http_notification_url); blank sends nothing.
    @DefaultValue("") @Pattern(regexp = "^$|^https?://.+", message = "must be an http(s) URL")
        String httpUrl,
    // user:password for basic authentication (Chronos --http_notification_credentials).
    @DefaultValue("") String httpCredentials,
    // Put in brackets before the subject (Chronos --cluster_name).
    @DefaultValue("") String clusterName,
    // Connect and answer timeout of one post.
    @DefaultValue("5s") Duration timeout,
    // Notices waiting to be posted; more are dropped and logged.
    @DefaultValue("1000") @Min(1) int queueCapacity) {}
