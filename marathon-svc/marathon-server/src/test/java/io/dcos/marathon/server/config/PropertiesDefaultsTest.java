package io.dcos.marathon.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pins the defaults of every configuration record: changing one is a visible decision. */
class PropertiesDefaultsTest {
  private static <T> T bind(String prefix, Class<T> type) {
    return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(prefix, type);
  }

  @Test
  void httpDefaults() {
    HttpProperties p = bind("marathon.http", HttpProperties.class);
    assertThat(p.address()).isEqualTo("0.0.0.0");
    assertThat(p.port()).isEqualTo(8080);
    assertThat(p.advertised(8080)).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void zooKeeperDefaults() {
    ZooKeeperProperties p = bind("marathon.zk", ZooKeeperProperties.class);
    assertThat(p.url()).isEqualTo("zk://127.0.0.1:2181/marathon");
    assertThat(p.connectString()).isEqualTo("127.0.0.1:2181");
    assertThat(p.path()).isEqualTo("/marathon");
    assertThat(p.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void storeDefaults() {
    StoreProperties p = bind("marathon.store", StoreProperties.class);
    assertThat(p.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/marathon");
    assertThat(p.user()).isEqualTo("marathon");
    assertThat(p.password()).isEmpty();
    assertThat(p.maxPoolSize()).isEqualTo(8);
    assertThat(p.maxVersions()).isEqualTo(50);
  }

  @Test
  void frameworkDefaults() {
    FrameworkProperties p = bind("marathon.framework", FrameworkProperties.class);
    assertThat(p.name()).isEqualTo("marathon");
    assertThat(p.role()).isEqualTo("*");
    assertThat(p.master()).isEqualTo("zk://127.0.0.1:2181/mesos");
    assertThat(p.user()).isEqualTo("root");
    assertThat(p.failoverTimeout()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void leaderProxyAndEventsDefaults() {
    LeaderProxyProperties proxy = bind("marathon.leader-proxy", LeaderProxyProperties.class);
    assertThat(proxy.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(proxy.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    EventsProperties events = bind("marathon.events", EventsProperties.class);
    assertThat(events.bufferSize()).isEqualTo(10000);
    assertThat(events.heartbeat()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aZooKeeperUrlWithSeveralServersAndADeeperPathIsSplit() {
    ZooKeeperProperties p =
        new ZooKeeperProperties(
            "zk://10.0.0.1:2181,10.0.0.2:2181/dcos/marathon/",
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    assertThat(p.connectString()).isEqualTo("10.0.0.1:2181,10.0.0.2:2181");
    assertThat(p.path()).isEqualTo("/dcos/marathon");
  }
}
