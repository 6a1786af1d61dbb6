package io.dcos.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
  static final Path OUT = Path.of("/srv/router");

  @Test
  void defaultsAreTheSingleMachineLayout() {
    ClusterConfig c = ClusterConfig.of(Map.of(), OUT);
    assertThat(c.listen()).isEqualTo("127.0.0.1:8000");
    assertThat(c.auth()).isTrue();
    assertThat(c.workers()).isEqualTo("2");
    assertThat(c.user()).isEmpty();
    assertThat(c.accessLog()).isEqualTo("/srv/router/log/router-access.log");
    assertThat(c.routeTtlSeconds()).isEqualTo(1);
    assertThat(c.leaderTtlSeconds()).isEqualTo(5);
    assertThat(c.connectTimeout()).isEqualTo("1s");
    assertThat(c.resolver()).isEmpty();
    assertThat(c.nginxModules()).isEqualTo(Path.of("/usr/lib/nginx/modules"));
    assertThat(c.logDir()).isEqualTo(Path.of("/srv/router/log"));
    assertThat(c.uiDir()).isEqualTo(Path.of("/srv/router/ui"));
    assertThat(c.masters()).containsExactly("127.0.1.1:5050");
    assertThat(c.agents()).isEmpty();
    assertThat(c.marathon()).isEqualTo("127.0.0.1:8080");
    assertThat(c.jobs()).isEqualTo("127.0.0.1:9000");
    assertThat(c.dnsHttp()).isEqualTo("127.0.0.1:8123");
    assertThat(c.identity()).isEqualTo("127.0.0.1:8101");
    assertThat(c.clusterName()).isEqualTo("local");
    assertThat(c.version()).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void mistakesNameTheKey() {
    for (Map<String, String> bad :
        List.of(
            Map.of("ROUTER_LSTEN", "127.0.0.1:80"),
            Map.of("MASTERS", "127.0.1.1"),
            Map.of("MASTERS", " , "),
            Map.of("MARATHON", "127.0.0.1:99999"),
            Map.of("ROUTER_AUTH", "yes"),
            Map.of("ROUTER_ROUTE_TTL", "0"),
            Map.of("CLUSTER_NAME", "it's"))) {
      String key = bad.keySet().iterator().next();
      assertThatThrownBy(() -> ClusterConfig.of(bad, OUT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(key);
    }
  }

  @Test
  void theConfigurationCarriesEveryAddress() {
    ClusterConfig c =
        ClusterConfig.of(
            Map.of(
                "ROUTER_LISTEN", "127.0.0.1:8000",
                "MASTERS", "127.0.1.1:5050,127.0.1.2:5050",
                "AGENTS", "127.0.2.1:5051",
                "ROUTER_AUTH", "false"),
            OUT);
    String conf = RouterFiles.nginxConf(c, Path.of("/etc/cluster.conf"), OUT);
    assertThat(conf)
        .contains("listen 127.0.0.1:8000;")
        .contains("server 127.0.1.1:5050 max_fails=0;")
        .contains("server 127.0.1.2:5050 max_fails=0;")
        .contains("server 127.0.0.1:8080;")
        .contains("router.configure({ auth = false,")
        .contains("lua_package_path \"/srv/router/lua/?.lua;;\";")
        .doesNotContain("${");
    String health = RouterFiles.healthProperties(c);
    assertThat(health)
        .contains("health.components[1].url=http://127.0.1.2:5050/master/health")
        .contains("health.components[2].name=mesos-agent")
        .contains("health.components[2].node=127.0.2.1");
  }
}
