package io.dcos.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RunEventsPropertiesTest {
  static Binder binder(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values));
  }

  @Test
  void notificationDefaultsSendNothing() {
    NotificationProperties p =
        binder(Map.of()).bindOrCreate("chronos.notification", NotificationProperties.class);
    assertThat(p.httpUrl()).isEmpty();
    assertThat(p.httpCredentials()).isEmpty();
    assertThat(p.clusterName()).isEmpty();
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.queueCapacity()).isEqualTo(1000);
  }

  @Test
  void notificationOverrides() {
    NotificationProperties p =
        binder(
                Map.of(
                    "chronos.notification.http-url", "http://127.0.0.1:8080/hook",
                    "chronos.notification.http-credentials", "ops:secret",
                    "chronos.notification.cluster-name", "prod"))
            .bindOrCreate("chronos.notification", NotificationProperties.class);
    assertThat(p.httpUrl()).isEqualTo("http://127.0.0.1:8080/hook");
    assertThat(p.httpCredentials()).isEqualTo("ops:secret");
    assertThat(p.clusterName()).isEqualTo("prod");
  }

  @Test
  void runLimitDefaults() {
    RunLimitProperties p =
        binder(Map.of()).bindOrCreate("chronos.run-limits", RunLimitProperties.class);
    assertThat(p.checkInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.retryStopAfter()).isEqualTo(Duration.ofSeconds(30));
  }
}
