package io.dcos.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChronosPropertiesTest {
  static ChronosProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("chronos", ChronosProperties.class);
  }

  @Test
  void defaults() {
    ChronosProperties p = bind(Map.of());
    assertThat(p.masterZk()).isEqualTo("zk://127.0.0.1:2181/mesos");
    assertThat(p.zk()).isEqualTo("zk://127.0.0.1:2181/chronos");
    assertThat(p.zkSessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.hostname()).isEqualTo("127.0.0.1");
    assertThat(p.frameworkName()).isEqualTo("chronos");
    assertThat(p.user()).isEqualTo("root");
    assertThat(p.role()).isEqualTo("*");
    assertThat(p.failoverTimeout()).isEqualTo(Duration.ofDays(7));
    assertThat(p.declineRefuse()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.disableAfterFailures()).isZero();
    assertThat(p.claimAhead()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.retryDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.defaultEpsilon()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.historyRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(p.historyPruneInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.historyLimit()).isEqualTo(100);
  }

  @Test
  void overrides() {
    ChronosProperties p =
        bind(
            Map.of(
                "chronos.disable-after-failures", "3",
                "chronos.retry-delay", "200ms",
                "chronos.history-retention", "30d"));
    assertThat(p.disableAfterFailures()).isEqualTo(3);
    assertThat(p.retryDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.historyRetention()).isEqualTo(Duration.ofDays(30));
  }
}
