package io.dcos.jobs;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real PostgreSQL and ZooKeeper on a loopback address of this module's range, for tests. */
public final class TestCluster implements AutoCloseable {
  public static final String IP = "127.5.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  public final EmbeddedPostgres postgres;
  public final TestingServer zk;
  private final String ip;

  public TestCluster() throws Exception {
    this(IP);
  }

  /** A cluster on another loopback address, for callers that run beside the tests. */
  public TestCluster(String ip) throws Exception {
    this.ip = ip;
    postgres =
        EmbeddedPostgres.builder()
            // zonky's start-up probe connects to localhost; chronos-svc itself uses IP only.
            .setServerConfig("listen_addresses", ip + ",localhost")
            .setServerConfig("max_connections", "100")
            .start();
    zk =
        new TestingServer(
            new InstanceSpec(
                null, -1, -1, -1, true, -1, 200, -1, Map.of("clientPortAddress", ip), ip),
            true);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + ip + ":" + postgres.getPort() + "/postgres";
  }

  public String zkUrl(String path) {
    return "zk://" + ip + ":" + zk.getPort() + path;
  }

  /** Command-line properties that point chronos-svc at this cluster. */
  public String[] chronosArgs(String... extra) {
    String[] base = {
      "--spring.datasource.url=" + jdbcUrl(),
      "--spring.datasource.username=postgres",
      "--spring.datasource.password=postgres",
      "--chronos.zk=" + zkUrl("/chronos"),
      "--chronos.master-zk=" + zkUrl("/mesos"),
      "--chronos.hostname=" + ip,
      "--chronos.zk-session-timeout=3s",
      "--server.address=" + ip
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /**
   * A client of the chronos-svc {@code app} started with {@link #chronosArgs}, once that instance
   * leads (it waits for ZooKeeper and its leader election).
   */
  public Http leading(ConfigurableApplicationContext app) {
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    Http http = new Http("http://" + ip + ":" + port);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> JSON.readTree(http.get("/info").body()).path("leading").asBoolean());
    return http;
  }

  @Override
  public void close() throws IOException {
    zk.close();
    postgres.close();
  }

  /** A small JSON-over-HTTP client. */
  public record Http(String base) {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    public HttpResponse<String> send(String method, String path, String json) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
      if (json == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
      }
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
      return send("GET", path, null);
    }
  }
}
