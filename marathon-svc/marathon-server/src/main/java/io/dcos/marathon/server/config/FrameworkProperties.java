package io.dcos.marathon.server.config;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How marathon-svc registers as a framework on the kernel, under {@code marathon.framework.*}. */
@Validated
@ConfigurationProperties("marathon.framework")
public record FrameworkProperties(
    // Framework name shown by the master.
    @DefaultValue("marathon") @NotBlank String name,
    // Default role of apps that name none.
    @DefaultValue("*") @NotBlank String role,
    // Where the masters elect their leader: zk://host:port/mesos, or host:port of one master.
    @DefaultValue("zk://127.0.0.1:2181/mesos") @NotBlank String master,
    // Unix user of tasks that name none.
    @DefaultValue("root") @NotBlank String user,
    // How long the master keeps the tasks of a disconnected framework.
    @DefaultValue("7d") Duration failoverTimeout) {}
