package io.dcos.dns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DnsPropertiesTest {
  static DnsProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("dns", DnsProperties.class);
  }

  @Test
  void defaults() {
    DnsProperties p = bind(Map.of());
    assertThat(p.domain()).isEqualTo("mesos");
    assertThat(p.ttl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.listenIp()).isEqualTo("0.0.0.0");
    assertThat(p.port()).isEqualTo(61053);
    assertThat(p.httpPort()).isEqualTo(8123);
    assertThat(p.zk()).isEqualTo("zk://127.0.0.1:2181/mesos");
    assertThat(p.zkSessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.resolvers()).isEmpty();
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.ednsSize()).isEqualTo(1232);
    assertThat(p.soaRname()).isEqualTo("root.ns1");
    assertThat(p.threads()).isEqualTo(8);
    assertThat(p.resubscribeDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.nameServerIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void resolversAndAddresses() {
    DnsProperties p =
        bind(
            Map.of(
                "dns.resolvers", "127.0.53.1, 127.0.53.2:5353",
                "dns.listen-ip", "127.0.0.2",
                "dns.ttl", "5s"));
    assertThat(p.resolvers()).containsExactly("127.0.53.1", "127.0.53.2:5353");
    assertThat(p.nameServerIp()).isEqualTo("127.0.0.2");
    assertThat(p.ttl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(List.copyOf(p.resolvers())).hasSize(2);
  }
}
