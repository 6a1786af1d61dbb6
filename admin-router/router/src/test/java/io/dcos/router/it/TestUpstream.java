package io.dcos.router.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real HTTP server standing in for an upstream the router proxies to. It answers every path
 * with JSON naming itself and echoing what arrived (path, query, cookies, authorization), and, as
 * Marathon does, serves {@code /v2/apps} from the apps the test deploys.
 */
final class TestUpstream implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Map<String, Object>> apps = new CopyOnWriteArrayList<>();

  TestUpstream(String name, String ip, int port) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress(ip, port), 64);
    server.createContext("/", this::echo);
    server.createContext("/v2/apps", this::apps);
    server.setExecutor(threads);
    server.start();
  }

  String hostPort() {
    return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** A Marathon app labelled for /service/<service>/ with one running task at host:port. */
  void deploy(String id, String service, String host, int port) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", id.substring(1) + ".instance-1");
    task.put("appId", id);
    task.put("host", host);
    task.put("ports", List.of(port));
    task.put("state", "TASK_RUNNING");
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("id", id);
    app.put(
        "labels",
        Map.of(
            "DCOS_SERVICE_NAME",
            service,
            "DCOS_SERVICE_SCHEME",
            "http",
            "DCOS_SERVICE_PORT_INDEX",
            "0"));
    app.put("tasks", List.of(task));
    apps.add(app);
  }

  void remove(String id) {
    apps.removeIf(a -> a.get("id").equals(id));
  }

  private void apps(HttpExchange x) throws IOException {
    String query = x.getRequestURI().getQuery();
    if (x.getRequestURI().getPath().equals("/v2/apps")
        && query != null
        && query.contains("embed=apps.tasks")) {
      send(x, Map.of("apps", List.copyOf(apps)));
    } else {
      echo(x);
    }
  }

  private void echo(HttpExchange x) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("server", name);
    body.put("path", x.getRequestURI().getRawPath());
    body.put("query", x.getRequestURI().getRawQuery());
    body.put("cookie", x.getRequestHeaders().getFirst("Cookie"));
    body.put("authorization", x.getRequestHeaders().getFirst("Authorization"));
    send(x, body);
  }

  private static void send(HttpExchange x, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(200, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
