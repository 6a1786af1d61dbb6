package io.dcos.marathon.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pins the scheduler's configuration defaults. */
class SchedulingPropertiesTest {

  @Test
  void defaults() {
    SchedulingProperties p =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("marathon.scheduling", SchedulingProperties.class);
    assertThat(p.enabled()).isTrue();
    assertThat(p.tick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.reconciliationInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.declineWhileWaiting()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.declineWhileIdle()).isEqualTo(Duration.ofSeconds(120));
    assertThat(p.callTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.readinessTimeout()).isEqualTo(Duration.ofSeconds(5));
  }
}
