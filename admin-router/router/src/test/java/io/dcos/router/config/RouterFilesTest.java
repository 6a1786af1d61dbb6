package io.dcos.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterFilesTest {
  @Test
  void everyLuaModuleInTheSourceTreeIsShipped() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/lua/dcos"))) {
      List<String> modules =
          files.map(f -> f.getFileName().toString().replaceFirst("\\.lua$", "")).sorted().toList();
      assertThat(RouterFiles.LUA_MODULES).containsExactlyInAnyOrderElementsOf(modules);
    }
  }

  @Test
  void theGeneratorWritesTheWholeFolderFromTheConfigurationFile(@TempDir Path dir)
      throws IOException {
    Path conf = dir.resolve("cluster.conf");
    Files.writeString(conf, "ROUTER_LISTEN=\"127.0.0.1:8000\"\nMASTERS=127.0.1.1:5050\n");
    Path out = GenerateRouterConfig.generate(conf, dir.resolve("out"));
    assertThat(out.resolve("nginx.conf")).content().contains("listen 127.0.0.1:8000;");
    assertThat(out.resolve("lua/dcos/router.lua")).exists();
    assertThat(out.resolve("health.properties")).content().contains("mesos-master");
  }

  @Test
  void theGeneratedConfigurationStartsTheMetricsFlushAndKeepsUpstreamConnectionsOpen(
      @TempDir Path dir) throws IOException {
    Path conf = dir.resolve("cluster.conf");
    Files.writeString(conf, "MARATHON=127.0.0.2:8080\nJOBS=127.0.0.3:9000\n");
    String nginx =
        Files.readString(
            GenerateRouterConfig.generate(conf, dir.resolve("out")).resolve("nginx.conf"));
    assertThat(nginx).contains("init_worker_by_lua_block { router.init_worker() }");
    assertThat(nginx)
        .contains("server 127.0.0.2:8080;\n    keepalive 64;")
        .contains("server 127.0.0.3:9000;\n    keepalive 64;")
        .contains("buffer=64k flush=1s");
  }

  @Test
  void aPlaceholderWithoutAValueIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RouterFiles.render("a ${MISSING} b", Map.of()))
        .hasMessageContaining("MISSING");
  }
}
