package io.dcos.router.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.identity.IdentityApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Router overhead with auth on: wrk against an upstream directly and through the admin router's
 * {@code /service/<name>/} (a labelled Marathon app, RS256 token checked in Lua), alternating in
 * the same run, for two upstreams: a static nginx (the router's worst case) and a Spring Boot
 * service. Prints p50/p99 at one connection (the added latency) and requests per second at 16
 * connections (the throughput ratio). Run by {@code admin-router/bench/router-bench.sh}.
 */
public final class RouterBenchmark {
  private static final String ROUTER_IP = "127.6.4.1";
  private static final String UPSTREAM_IP = "127.6.4.2";
  private static final String MARATHON_IP = "127.6.4.3";
  private static final String IDENTITY_IP = "127.6.4.4";
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s*(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");
  private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$");

  private RouterBenchmark() {}

  private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in .*$");

  /** One wrk run: p50 and p99 in microseconds, requests per second, requests answered. */
  record Run(double p50, double p99, double rate, long requests) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String upstreams = args.length > 2 ? args[2] : "both";
    // Extra cluster configuration lines for the router under test (ROUTER_WORKERS=1, ...).
    String extra = System.getenv().getOrDefault("ROUTER_BENCH_CONF", "").replace(';', '\n');
    Path work = Files.createTempDirectory("router-bench-");
    int upstreamPort = Nginx.freePort(UPSTREAM_IP);
    Process upstream = startStaticNginx(work.resolve("upstream"), upstreamPort);
    EmbeddedPostgres postgres = EmbeddedPostgres.start();
    int identityPort = Nginx.freePort(IDENTITY_IP);
    ConfigurableApplicationContext identity =
        SpringApplication.run(
            IdentityApplication.class,
            "--server.address=" + IDENTITY_IP,
            "--server.port=" + identityPort,
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--identity.bootstrap-password=bench-password",
            "--logging.level.root=WARN");
    try (TestUpstream marathon = new TestUpstream("marathon", MARATHON_IP, 0);
        Nginx router =
            Nginx.start(
                work.resolve("router"),
                "ROUTER_LISTEN="
                    + ROUTER_IP
                    + ":"
                    + Nginx.freePort(ROUTER_IP)
                    + "\n"
                    + "MASTERS=127.6.4.9:5050\n"
                    + "MARATHON="
                    + marathon.hostPort()
                    + "\n"
                    + "IDENTITY="
                    + IDENTITY_IP
                    + ":"
                    + identityPort
                    + "\n"
                    + extra
                    + "\n")) {
      marathon.deploy("/bench", "bench", UPSTREAM_IP, upstreamPort);
      marathon.deploy("/bench-jvm", "bench-jvm", IDENTITY_IP, identityPort);
      String token = login(router.url("/acs/api/v1/auth/login"));
      System.out.printf(
          "%nRouter configuration: %s%n", extra.isBlank() ? "defaults" : extra.replace('\n', ' '));
      if (!upstreams.equals("jvm")) {
        measure(
            "static nginx upstream",
            "http://" + UPSTREAM_IP + ":" + upstreamPort + "/v1/ping",
            router.url("/service/bench/v1/ping"),
            token,
            seconds,
            rounds,
            router);
      }
      if (!upstreams.equals("static")) {
        measure(
            "JVM upstream (Spring Boot on Tomcat: the identity service's JSON Web Key Set)",
            "http://" + IDENTITY_IP + ":" + identityPort + "/acs/api/v1/auth/jwks",
            router.url("/service/bench-jvm/acs/api/v1/auth/jwks"),
            token,
            seconds,
            rounds,
            router);
      }
    } finally {
      identity.close();
      upstream.destroy();
      upstream.waitFor();
      postgres.close();
    }
    System.exit(0);
  }

  private static Process startStaticNginx(Path dir, int upstreamPort) throws IOException {
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(
        dir.resolve("nginx.conf"),
        "worker_processes 1;\npid "
            + dir
            + "/nginx.pid;\nerror_log "
            + dir
            + "/error.log;\n"
            + "events { worker_connections 1024; }\n"
            + "http {\n  access_log off;\n  client_body_temp_path "
            + dir
            + "/tmp;\n"
            + "  server {\n    listen "
            + UPSTREAM_IP
            + ":"
            + upstreamPort
            + ";\n"
            + "    location / { default_type application/json; return 200 '{\"pong\":true}'; }\n"
            + "  }\n}\n");
    return new ProcessBuilder(
            "nginx", "-p", dir.toString(), "-c", "nginx.conf", "-g", "daemon off;")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("nginx.out").toFile())
        .start();
  }

  private static String login(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"uid\":\"admin\",\"password\":\"bench-password\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    }
    return new ObjectMapper().readTree(r.body()).get("token").asText();
  }

  static Run wrk(String url, String token, int connections, int seconds) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency"));
    if (token != null) {
      cmd.add("-H");
      cmd.add("Authorization: token=" + token);
    }
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    if (out.contains("Non-2xx")) {
      throw new IllegalStateException("wrk saw errors for " + url + ":\n" + out);
    }
    double p50 = 0;
    double p99 = 0;
    double rate = 0;
    long requests = 0;
    for (String line : out.split("\n")) {
      Matcher q = REQUESTS.matcher(line);
      if (q.matches()) {
        requests = Long.parseLong(q.group(1));
      }
      Matcher m = PERCENTILE.matcher(line);
      if (m.matches()) {
        double v =
            Double.parseDouble(m.group(2))
                * switch (m.group(3)) {
                  case "us" -> 1;
                  case "ms" -> 1000;
                  default -> 1_000_000;
                };
        if (m.group(1).equals("50")) {
          p50 = v;
        } else {
          p99 = v;
        }
      }
      Matcher r = RATE.matcher(line);
      if (r.matches()) {
        rate = Double.parseDouble(r.group(1));
      }
    }
    return new Run(p50, p99, rate, requests);
  }

  /** CPU time used so far by the router's nginx workers (user and system). */
  static Duration routerCpu(Nginx router) throws IOException {
    long master = Long.parseLong(Files.readString(router.folder().resolve("nginx.pid")).strip());
    return ProcessHandle.of(master)
        .orElseThrow()
        .children()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static void measure(
      String upstream,
      String direct,
      String routed,
      String token,
      int seconds,
      int rounds,
      Nginx router)
      throws Exception {
    // Warm up both paths (route table, signing key, connections; the JVM upstream's JIT).
    wrk(direct, null, 16, 5);
    wrk(routed, token, 16, 5);
    List<Run[]> latency = new ArrayList<>();
    List<Run[]> throughput = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      latency.add(new Run[] {wrk(direct, null, 1, seconds), wrk(routed, token, 1, seconds)});
      Run d = wrk(direct, null, 16, seconds);
      Duration before = routerCpu(router);
      Run r = wrk(routed, token, 16, seconds);
      cpu.add(routerCpu(router).minus(before).toNanos() / 1000.0 / Math.max(1, r.requests()));
      throughput.add(new Run[] {d, r});
    }
    report(upstream, latency, throughput, cpu, seconds, rounds);
  }

  private static void report(
      String upstream,
      List<Run[]> latency,
      List<Run[]> throughput,
      List<Double> cpu,
      int seconds,
      int rounds) {
    System.out.printf(
        Locale.ROOT, "%n%s: %d rounds, %d s per measurement, auth on%n", upstream, rounds, seconds);
    System.out.println(
        "| round | direct p50 | router p50 | added p50 | direct p99 | router p99 | added p99 | direct req/s (16 conn) | router req/s (16 conn) | ratio | router CPU per request |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      Run d = latency.get(i)[0];
      Run r = latency.get(i)[1];
      Run dt = throughput.get(i)[0];
      Run rt = throughput.get(i)[1];
      System.out.printf(
          Locale.ROOT,
          "| %d | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f | %.0f | %.0f%% | %.1f µs |%n",
          i + 1,
          d.p50(),
          r.p50(),
          r.p50() - d.p50(),
          d.p99(),
          r.p99(),
          r.p99() - d.p99(),
          dt.rate(),
          rt.rate(),
          100 * rt.rate() / dt.rate(),
          cpu.get(i));
      ratios.add(rt.rate() / dt.rate());
    }
    System.out.printf(
        Locale.ROOT,
        "median: ratio %.0f%%, router CPU %.1f µs per request%n",
        100 * median(ratios),
        median(cpu));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
