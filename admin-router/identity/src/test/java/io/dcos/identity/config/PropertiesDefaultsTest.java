package io.dcos.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pins the defaults of the identity and health settings. */
class PropertiesDefaultsTest {
  private final Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));

  @Test
  void identityDefaults() {
    IdentityProperties p = empty.bindOrCreate("identity", IdentityProperties.class);
    assertThat(p.tokenLifetime()).isEqualTo(Duration.ofDays(5));
    assertThat(p.loginTokenMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.bootstrapUid()).isEqualTo("admin");
    assertThat(p.bootstrapPassword()).isEmpty();
    assertThat(p.bootstrapPasswordFile()).isEmpty();
  }

  @Test
  void healthDefaults() {
    HealthProperties p = empty.bindOrCreate("health", HealthProperties.class);
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.components()).isEmpty();
  }
}
