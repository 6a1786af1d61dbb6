package io.dcos.jobs.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The distributed cron's settings, under {@code chronos.*}. */
@Validated
@ConfigurationProperties("chronos")
public record ChronosProperties(
    // Where the kernel's masters elect their leader.
    @DefaultValue("zk://127.0.0.1:2181/mesos") @NotBlank String masterZk,
    // Where chronos-svc instances elect their leader.
    @DefaultValue("zk://127.0.0.1:2181/chronos") @NotBlank String zk,
    // ZooKeeper session timeout of the election; a dead leader is replaced after about this long.
    @DefaultValue("10s") Duration zkSessionTimeout,
    // Address other instances and clients use to reach this one (host:port is sent to followers).
    @DefaultValue("127.0.0.1") @NotBlank String hostname,
    // Framework name; the framework id is stored under it.
    @DefaultValue("chronos") @NotBlank String frameworkName,
    // User tasks run as when a job names none.
    @DefaultValue("root") @NotBlank String user,
    // Role the framework subscribes with.
    @DefaultValue("*") @NotBlank String role,
    // How long the kernel keeps the framework's tasks after it disconnected.
    @DefaultValue("7d") Duration failoverTimeout,
    // How long declined offers stay away.
    @DefaultValue("5s") Duration declineRefuse,
    // A job is disabled after this many failed runs in a row; 0 never disables.
    @DefaultValue("0") @Min(0) int disableAfterFailures,
    // How early a schedule's timer may fire to claim its run before it is due (launch stays on
    // time).
    @DefaultValue("10s") Duration claimAhead,
    // Pause between a failed task and its relaunch.
    @DefaultValue("10s") Duration retryDelay,
    // Chronos epsilon when a job gives none: how late a run may still start.
    @DefaultValue("5m") Duration defaultEpsilon,
    // Finished runs older than this are deleted from the history.
    @DefaultValue("7d") Duration historyRetention,
    // How often old history is pruned.
    @DefaultValue("10m") Duration historyPruneInterval,
    // Finished runs shown per job in Metronome's embedded history.
    @DefaultValue("100") @Min(1) int historyLimit) {}
