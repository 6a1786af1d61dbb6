package io.dcos.router.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes everything nginx needs into one folder: {@code nginx.conf} from the template, the Lua
 * modules, and {@code health.properties} (the component list of the identity service's health
 * report), all from one {@link ClusterConfig}.
 */
public final class RouterFiles {
  /** The Lua modules shipped in this jar under {@code lua/dcos/}. */
  public static final List<String> LUA_MODULES =
      List.of("jwt", "cache", "keys", "auth", "leader", "services", "agents", "metrics", "router");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private RouterFiles() {}

  /** Writes the folder {@code out} for {@code config}, read from {@code source}. */
  public static void write(ClusterConfig config, Path source, Path out) {
    try {
      for (String dir : List.of("lua/dcos", "tmp")) {
        Files.createDirectories(out.resolve(dir));
      }
      Files.createDirectories(config.logDir());
      for (String module : LUA_MODULES) {
        Files.writeString(
            out.resolve("lua/dcos/" + module + ".lua"), resource("/lua/dcos/" + module + ".lua"));
      }
      Files.writeString(out.resolve("nginx.conf"), nginxConf(config, source, out));
      Files.writeString(out.resolve("health.properties"), healthProperties(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the router files to " + out, e);
    }
  }

  /** The nginx configuration text. */
  public static String nginxConf(ClusterConfig c, Path source, Path out) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("CLUSTER_CONF", source.toString());
    v.put("NGINX_MODULES", c.nginxModules().toString());
    v.put("USER_DIRECTIVE", c.user().isEmpty() ? "" : "user " + c.user() + ";");
    v.put("WORKERS", c.workers());
    v.put("OUT", out.toAbsolutePath().toString());
    v.put("LOG_DIR", c.logDir().toAbsolutePath().toString());
    v.put(
        "ACCESS_LOG",
        c.accessLog().equals("off") ? "off" : c.accessLog() + " combined buffer=64k flush=1s");
    v.put(
        "RESOLVER_DIRECTIVE",
        c.resolver().isEmpty() ? "" : "  resolver " + c.resolver() + " valid=10s;");
    v.put("AUTH", Boolean.toString(c.auth()));
    v.put("ROUTE_TTL", Integer.toString(c.routeTtlSeconds()));
    v.put("LEADER_TTL", Integer.toString(c.leaderTtlSeconds()));
    v.put(
        "MASTER_SERVERS",
        c.masters().stream()
            .map(m -> "    server " + m + " max_fails=0;")
            .collect(Collectors.joining("\n")));
    v.put("MARATHON", c.marathon());
    v.put("JOBS", c.jobs());
    v.put("DNS_HTTP", c.dnsHttp());
    v.put("IDENTITY", c.identity());
    v.put("CONNECT_TIMEOUT", c.connectTimeout());
    v.put("LISTEN", c.listen());
    v.put("UI_DIR", c.uiDir().toAbsolutePath().toString());
    v.put("VERSION_JSON", versionJson(c));
    v.put("METADATA_JSON", metadataJson(c));
    return render(resource("/io/dcos/router/nginx.conf.template"), v);
  }

  static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "the template uses ${" + m.group(1) + "}, which has no value");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String versionJson(ClusterConfig c) {
    return "{\"version\": \""
        + c.version()
        + "\", \"dcos-variant\": \"open\", \"dcos-image-commit\": \"\", \"bootstrap-id\": \"\"}";
  }

  static String metadataJson(ClusterConfig c) {
    return "{\"PUBLIC_IPV4\": \""
        + ClusterConfig.host(c.listen())
        + "\", \"CLUSTER_ID\": \""
        + c.clusterId()
        + "\", \"CLUSTER_NAME\": \""
        + c.clusterName()
        + "\"}";
  }

  /** The health check list of every component, as {@code health.components[i].*} properties. */
  static String healthProperties(ClusterConfig c) {
    StringBuilder sb =
        new StringBuilder("# Generated with nginx.conf; component health endpoints.\n");
    int[] i = {0};
    c.masters()
        .forEach(
            m -> component(sb, i, "mesos-master", m, "master", "http://" + m + "/master/health"));
    c.agents().forEach(a -> component(sb, i, "mesos-agent", a, "agent", "http://" + a + "/health"));
    String node = ClusterConfig.host(c.masters().get(0));
    component(sb, i, "marathon", node, "master", "http://" + c.marathon() + "/ping");
    component(sb, i, "metronome", node, "master", "http://" + c.jobs() + "/ping");
    component(sb, i, "mesos-dns", node, "master", "http://" + c.dnsHttp() + "/v1/version");
    component(
        sb,
        i,
        "admin-router",
        node,
        "master",
        "http://" + c.listen() + "/dcos-metadata/dcos-version.json");
    return sb.toString();
  }

  private static void component(
      StringBuilder sb, int[] i, String name, String hostPort, String role, String url) {
    String p = "health.components[" + i[0]++ + "].";
    String node = hostPort.contains(":") ? ClusterConfig.host(hostPort) : hostPort;
    sb.append(p).append("name=").append(name).append('\n');
    sb.append(p).append("node=").append(node).append('\n');
    sb.append(p).append("role=").append(role).append('\n');
    sb.append(p).append("url=").append(url).append('\n');
  }

  private static String resource(String path) {
    try (InputStream in = RouterFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
