package io.dcos.router.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The cluster configuration the router is generated from: one {@code KEY=value} file (readable both
 * as Java properties and by a POSIX shell) that the installer writes, holding every address and
 * port the router needs. Unknown keys are refused, so a typo cannot silently fall back to a
 * default.
 */
public record ClusterConfig(
    String listen,
    boolean auth,
    String workers,
    String user,
    String accessLog,
    int routeTtlSeconds,
    int leaderTtlSeconds,
    String connectTimeout,
    String resolver,
    Path nginxModules,
    Path logDir,
    Path uiDir,
    List<String> masters,
    List<String> agents,
    String marathon,
    String jobs,
    String dnsHttp,
    String identity,
    String clusterName,
    String clusterId,
    String version) {

  private static final String NAME = "[A-Za-z0-9._-]{1,64}";
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");
  private static final List<String> KEYS =
      List.of(
          "ROUTER_LISTEN",
          "ROUTER_AUTH",
          "ROUTER_WORKERS",
          "ROUTER_USER",
          "ROUTER_ACCESS_LOG",
          "ROUTER_ROUTE_TTL",
          "ROUTER_LEADER_TTL",
          "ROUTER_CONNECT_TIMEOUT",
          "ROUTER_RESOLVER",
          "NGINX_MODULES",
          "LOG_DIR",
          "UI_DIR",
          "MASTERS",
          "AGENTS",
          "MARATHON",
          "JOBS",
          "DNS_HTTP",
          "IDENTITY",
          "CLUSTER_NAME",
          "CLUSTER_ID",
          "DCOS_VERSION");

  /**
   * Reads the settings; {@code out} is where the generated files go (defaults for logs and UI sit
   * below it). IllegalArgumentException names the first bad key.
   */
  public static ClusterConfig of(Map<String, String> values, Path out) {
    for (String key : values.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " (known: " + KEYS + ")");
      }
    }
    Settings s = new Settings(values);
    String name = s.matching("CLUSTER_NAME", "local", NAME);
    return new ClusterConfig(
        s.hostPort("ROUTER_LISTEN", "127.0.0.1:8000"),
        s.bool("ROUTER_AUTH", true),
        s.matching("ROUTER_WORKERS", "2", "auto|[1-9][0-9]?"),
        s.text("ROUTER_USER", ""),
        s.text("ROUTER_ACCESS_LOG", out.resolve("log/router-access.log").toString()),
        s.integer("ROUTER_ROUTE_TTL", 1, 1, 60),
        s.integer("ROUTER_LEADER_TTL", 5, 1, 60),
        s.matching("ROUTER_CONNECT_TIMEOUT", "1s", "[0-9]+(ms|s)"),
        s.text("ROUTER_RESOLVER", ""),
        Path.of(s.text("NGINX_MODULES", "/usr/lib/nginx/modules")),
        Path.of(s.text("LOG_DIR", out.resolve("log").toString())),
        Path.of(s.text("UI_DIR", out.resolve("ui").toString())),
        s.hostPorts("MASTERS", "127.0.1.1:5050", true),
        s.hostPorts("AGENTS", "", false),
        s.hostPort("MARATHON", "127.0.0.1:8080"),
        s.hostPort("JOBS", "127.0.0.1:9000"),
        s.hostPort("DNS_HTTP", "127.0.0.1:8123"),
        s.hostPort("IDENTITY", "127.0.0.1:8101"),
        name,
        s.matching("CLUSTER_ID", UUID.nameUUIDFromBytes(name.getBytes()).toString(), NAME),
        s.matching("DCOS_VERSION", "0.1.0-SNAPSHOT", NAME));
  }

  /** The host part of a {@code host:port}. */
  public static String host(String hostPort) {
    return hostPort.substring(0, hostPort.lastIndexOf(':'));
  }

  private record Settings(Map<String, String> values) {
    String text(String key, String fallback) {
      String v = values.get(key);
      return v == null || v.isBlank() ? fallback : v.strip();
    }

    String matching(String key, String fallback, String regex) {
      String v = text(key, fallback);
      if (!v.matches(regex)) {
        throw new IllegalArgumentException(key + "=" + v + " must match " + regex);
      }
      return v;
    }

    boolean bool(String key, boolean fallback) {
      String v = text(key, Boolean.toString(fallback));
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(key + "=" + v + " must be true or false");
      }
      return Boolean.parseBoolean(v);
    }

    int integer(String key, int fallback, int min, int max) {
      String v = text(key, Integer.toString(fallback));
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            key + "=" + v + " must be a number from " + min + " to " + max);
      }
    }

    String hostPort(String key, String fallback) {
      return check(key, text(key, fallback));
    }

    List<String> hostPorts(String key, String fallback, boolean required) {
      List<String> list = new ArrayList<>();
      for (String part : text(key, fallback).split(",")) {
        if (!part.isBlank()) {
          list.add(check(key, part.strip()));
        }
      }
      if (required && list.isEmpty()) {
        throw new IllegalArgumentException(key + " needs at least one host:port");
      }
      return List.copyOf(list);
    }

    private static String check(String key, String hostPort) {
      if (!HOST_PORT.matcher(hostPort).matches()) {
        throw new IllegalArgumentException(key + ": '" + hostPort + "' is not host:port");
      }
      int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(key + ": port of '" + hostPort + "' out of range");
      }
      return hostPort;
    }
  }

  static List<String> keys() {
    return KEYS;
  }
}
