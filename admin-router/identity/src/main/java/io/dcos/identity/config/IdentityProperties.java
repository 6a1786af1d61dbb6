package io.dcos.identity.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Login and token settings, under {@code identity.*}. */
@Validated
@ConfigurationProperties("identity")
public record IdentityProperties(
    // How long an authentication token stays valid (DC/OS: five days).
    @DefaultValue("5d") @NotNull Duration tokenLifetime,
    // Oldest a service account's login token may be (its iat, when present) and clock skew allowed.
    @DefaultValue("10m") @NotNull Duration loginTokenMaxAge,
    // uid of the first administrator, created when no account exists yet.
    @DefaultValue("admin") @NotBlank String bootstrapUid,
    // Password of the first administrator; empty: one is generated and printed once.
    @DefaultValue("") String bootstrapPassword,
    // File the generated first password is also written to (mode 600); empty: none.
    @DefaultValue("") String bootstrapPasswordFile) {}
