package io.dcos.marathon.server.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The PostgreSQL database that holds all state, under {@code marathon.store.*}. */
@Validated
@ConfigurationProperties("marathon.store")
public record StoreProperties(
    // JDBC URL of the database.
    @DefaultValue("jdbc:postgresql://127.0.0.1:5432/marathon") @NotBlank String jdbcUrl,
    // Database user.
    @DefaultValue("marathon") @NotBlank String user,
    // Database password.
    @DefaultValue("") String password,
    // Connections in the pool.
    @DefaultValue("8") @Min(1) int maxPoolSize,
    // Versions kept per app and of the root group (Marathon's --zk_max_versions); older app
    // versions go on the app's next write unless a kept root group version names them.
    @DefaultValue("50") @Min(1) int maxVersions) {}
