package io.dcos.router.it;

import static io.dcos.router.it.RouterRequests.get;
import static io.dcos.router.it.RouterRequests.post;
import static io.dcos.router.it.RouterRequests.send;
import static io.dcos.router.it.RouterRequests.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.dcos.identity.IdentityApplication;
import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin router as nginx runs it, generated from a cluster configuration, in front of a real
 * cluster: ZooKeeper, two masters and an agent, marathon-svc, chronos-svc and dns-svc as processes
 * of their own, and the identity service, all on one PostgreSQL. A small echo server, registered as
 * a framework's web UI, shows what reaches a service. The last test kills the leading master.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminRouterIT {
  static final Duration STARTUP = Duration.ofSeconds(90);
  static final Duration FRESH = Duration.ofSeconds(1);
  static final List<String> JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  static final String ROUTER_IP = "127.6.2.1";
  static final String IDENTITY_IP = "127.6.2.2";
  static final String MARATHON_IP = "127.6.2.3";
  static final String JOBS_IP = "127.6.2.4";
  static final String ECHO_IP = "127.6.2.7";
  static final String POSTGRES_IP = "127.6.2.31";
  static final String APP_IP = "127.6.2.5";
  static final String DNS_IP = "127.6.2.6";
  static final String MASTER_1 = "127.6.2.11";
  static final String MASTER_2 = "127.6.2.12";
  static final String AGENT_IP = "127.6.2.21";
  static final String ADMIN_PASSWORD = "router-admin-pass";
  static final ObjectMapper JSON = new ObjectMapper();

  static Path work;
  static TestingServer zk;
  static String zkUrl;
  static KernelProcess master1;
  static KernelProcess master2;
  static KernelProcess agent;
  static KernelProcess dns;
  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext identity;
  static KernelProcess marathon;
  static String marathonAddress;
  static KernelProcess jobs;
  static String jobsAddress;
  static TestUpstream echo;
  static HttpServer hello;
  static Nginx router;
  static Nginx openRouter;
  static String token;

  @BeforeAll
  static void startCluster() throws Exception {
    work = Files.createTempDirectory("router-it-");
    zk =
        new TestingServer(
            new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, "127.6.2.30"), true);
    zkUrl = "zk://127.6.2.30:" + zk.getPort() + "/mesos";
    master1 = startMaster("router-master-1", MASTER_1, zkUrl);
    master2 = startMaster("router-master-2", MASTER_2, zkUrl);
    agent =
        new KernelProcess(
                "router-agent",
                AGENT_IP,
                System.getProperty("kernel.agent.jar"),
                JVM,
                List.of(
                    "--master=" + zkUrl,
                    "--ip=" + AGENT_IP,
                    "--port=5051",
                    "--work_dir=" + work.resolve("agent"),
                    "--resources=cpus:1;mem:256;ports:[31000-31010]",
                    "--mesos.agent.registration-backoff=500ms"))
            .start();
    int dnsHttp = Nginx.freePort(DNS_IP);
    dns =
        new KernelProcess(
                "router-dns",
                DNS_IP,
                System.getProperty("dns.jar"),
                JVM,
                List.of(
                    "--dns.zk=" + zkUrl,
                    "--dns.listen-ip=" + DNS_IP,
                    "--dns.port=" + Nginx.freePort(DNS_IP),
                    "--server.address=" + DNS_IP,
                    "--dns.http-port=" + dnsHttp))
            .start();
    postgres =
        EmbeddedPostgres.builder()
            // zonky's start-up probe connects to localhost; the services use POSTGRES_IP.
            .setServerConfig("listen_addresses", POSTGRES_IP + ",localhost")
            .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("create database marathon");
      s.execute("create database chronos");
    }
    marathonAddress = MARATHON_IP + ":" + Nginx.freePort(MARATHON_IP);
    marathon =
        new KernelProcess(
                "router-marathon",
                MARATHON_IP,
                System.getProperty("marathon.jar"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of(
                    "--marathon.http.address=" + MARATHON_IP,
                    "--marathon.http.port=" + marathonAddress.split(":")[1],
                    "--marathon.store.jdbc-url=" + jdbcUrl("marathon"),
                    "--marathon.store.user=postgres",
                    "--marathon.store.password=postgres",
                    "--marathon.zk.url=zk://127.6.2.30:" + zk.getPort() + "/marathon",
                    "--marathon.framework.master=" + zkUrl,
                    "--marathon.scheduling.tick=200ms"))
            .start();
    // chronos-svc as the installer starts it: Metronome and Chronos APIs on one port.
    jobsAddress = JOBS_IP + ":" + Nginx.freePort(JOBS_IP);
    jobs =
        new KernelProcess(
                "router-chronos",
                JOBS_IP,
                System.getProperty("chronos.jar"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of(
                    "--server.address=" + JOBS_IP,
                    "--server.port=" + jobsAddress.split(":")[1],
                    "--chronos.master-zk=" + zkUrl,
                    "--chronos.zk=zk://127.6.2.30:" + zk.getPort() + "/chronos",
                    "--chronos.zk-session-timeout=3s",
                    "--chronos.hostname=" + JOBS_IP,
                    "--spring.datasource.url=" + jdbcUrl("chronos"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--spring.datasource.hikari.maximum-pool-size=5"))
            .start();
    echo = new TestUpstream("echo", ECHO_IP, 0);
    hello = HttpServer.create(new InetSocketAddress(APP_IP, 0), 16);
    hello.createContext(
        "/",
        x -> {
          byte[] b = ("hello from " + x.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    hello.start();

    int identityPort = Nginx.freePort(IDENTITY_IP);
    String common =
        "MASTERS="
            + MASTER_1
            + ":5050,"
            + MASTER_2
            + ":5050\n"
            + "AGENTS="
            + AGENT_IP
            + ":5051\n"
            + "MARATHON="
            + marathonAddress
            + "\n"
            + "JOBS="
            + jobsAddress
            + "\n"
            + "DNS_HTTP="
            + DNS_IP
            + ":"
            + dnsHttp
            + "\n"
            + "IDENTITY="
            + IDENTITY_IP
            + ":"
            + identityPort
            + "\n"
            + "CLUSTER_NAME=router-it\n";
    router =
        Nginx.start(
            work.resolve("router"),
            "ROUTER_LISTEN=" + ROUTER_IP + ":" + Nginx.freePort(ROUTER_IP) + "\n" + common);
    openRouter =
        Nginx.start(
            work.resolve("open-router"),
            "ROUTER_LISTEN="
                + ROUTER_IP
                + ":"
                + Nginx.freePort(ROUTER_IP)
                + "\nROUTER_AUTH=false\n"
                + common);

    identity =
        SpringApplication.run(
            IdentityApplication.class,
            "--server.address=" + IDENTITY_IP,
            "--server.port=" + identityPort,
            "--spring.datasource.url=" + jdbcUrl("postgres"),
            "--identity.bootstrap-password=" + ADMIN_PASSWORD,
            "--spring.config.additional-location=file:"
                + router.folder().resolve("health.properties"));

    HttpResponse<String> login =
        post(
            router.url("/acs/api/v1/auth/login"),
            "{\"uid\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    token = JSON.readTree(login.body()).get("token").asText();
    // The jobs service answers its API once it leads (it waits for ZooKeeper and the master).
    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(
            () ->
                JSON.readTree(get("http://" + jobsAddress + "/info", null).body())
                    .path("leading")
                    .asBoolean());
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://"
        + POSTGRES_IP
        + ":"
        + postgres.getPort()
        + "/"
        + database
        + "?user=postgres&password=postgres";
  }

  static KernelProcess startMaster(String name, String ip, String zkUrl) {
    return new KernelProcess(
            name,
            ip,
            System.getProperty("kernel.master.jar"),
            JVM,
            List.of(
                "--zk=" + zkUrl,
                "--ip=" + ip,
                "--port=5050",
                "--grpc_port=5060",
                "--mesos.master.zk-session-timeout=2s"))
        .start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (agent != null) {
      agent.killWithDescendants();
    }
    for (AutoCloseable c :
        new AutoCloseable[] {
          router,
          openRouter,
          identity,
          marathon,
          jobs,
          echo,
          dns,
          agent,
          master1,
          master2,
          postgres,
          zk
        }) {
      if (c != null) {
        c.close();
      }
    }
    if (hello != null) {
      hello.stop(0);
    }
  }

  @Test
  @Order(1)
  void withoutATokenEveryProtectedRouteIs401WithOauthjwt() throws Exception {
    for (String path :
        List.of(
            "/mesos/master/state",
            "/marathon/v2/apps",
            "/service/marathon/v2/apps",
            "/service/metronome/v1/jobs",
            "/mesos_dns/v1/version",
            "/acs/api/v1/users",
            "/system/health/v1",
            "/service/hello/",
            "/agent/any/state",
            "/metadata")) {
      HttpResponse<String> r = get(router.url(path), null);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).contains("oauthjwt");
      assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("ERR_MISSING_AUTH_TOKEN");
    }
    // Public: login, the token key, the version, metrics.
    assertThat(get(router.url("/acs/api/v1/auth/jwks"), null).statusCode()).isEqualTo(200);
    assertThat(get(router.url("/dcos-metadata/dcos-version.json"), null).body())
        .contains("\"version\"");
  }

  @Test
  @Order(2)
  void badForgedOrExpiredTokensAre401() throws Exception {
    var stranger = new RSAKeyGenerator(2048).generate();
    String forged =
        sign(
            new RSASSASigner(stranger),
            JWSAlgorithm.RS256,
            "admin",
            Instant.now().plusSeconds(600));
    String expired =
        sign(
            new RSASSASigner(RouterRequests.clusterSigningKey(postgres)),
            JWSAlgorithm.RS256,
            "admin",
            Instant.now().minusSeconds(5));
    String hmac =
        sign(
            new MACSigner(new byte[32]),
            JWSAlgorithm.HS256,
            "admin",
            Instant.now().plusSeconds(600));
    String noUid =
        sign(
            new RSASSASigner(RouterRequests.clusterSigningKey(postgres)),
            JWSAlgorithm.RS256,
            null,
            Instant.now().plusSeconds(600));
    for (String bad : List.of("garbage", "a.b.c", forged, expired, hmac, noUid)) {
      HttpResponse<String> r = get(router.url("/service/metronome/v1/jobs"), bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).contains("oauthjwt");
      assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("ERR_INVALID_AUTH_TOKEN");
    }
    assertThat(
            JSON.readTree(get(router.url("/service/metronome/v1/jobs"), expired).body())
                .get("description")
                .asText())
        .contains("expired");
    // The same signing key with a future expiry is accepted: the refusals above are about the
    // token.
    String good =
        sign(
            new RSASSASigner(RouterRequests.clusterSigningKey(postgres)),
            JWSAlgorithm.RS256,
            "admin",
            Instant.now().plusSeconds(60));
    assertThat(get(router.url("/service/metronome/v1/jobs"), good).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void aValidTokenReachesEveryComponent() throws Exception {
    await()
        .atMost(STARTUP)
        .until(() -> get(router.url("/service/marathon/v2/info"), token).statusCode() == 200);
    JsonNode info = JSON.readTree(get(router.url("/service/marathon/v2/info"), token).body());
    assertThat(info.get("name").asText()).isEqualTo("marathon");
    assertThat(JSON.readTree(get(router.url("/marathon/v2/apps"), token).body()).has("apps"))
        .isTrue();

    // chronos-svc: a job created through the Metronome API, seen through the Chronos API, run
    // on the agent, and its run in the history (the query string reaches the service).
    HttpResponse<String> job =
        send(
            "POST",
            router.url("/service/metronome/v1/jobs"),
            "{\"id\":\"router-job\",\"run\":{\"cmd\":\"echo routed\",\"cpus\":0.1,\"mem\":32}}",
            token);
    assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
    JsonNode listed = JSON.readTree(get(router.url("/service/metronome/v1/jobs"), token).body());
    assertThat(listed.findValuesAsText("id")).contains("router-job");
    JsonNode chronosJob =
        JSON.readTree(
            get(router.url("/service/chronos/v1/scheduler/job/router-job"), token).body());
    assertThat(chronosJob.get("name").asText()).isEqualTo("router-job");
    assertThat(chronosJob.get("command").asText()).isEqualTo("echo routed");
    HttpResponse<String> run =
        send("POST", router.url("/service/metronome/v1/jobs/router-job/runs"), null, token);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                JSON.readTree(
                            get(
                                    router.url(
                                        "/service/metronome/v1/jobs/router-job?embed=history"),
                                    token)
                                .body())
                        .path("history")
                        .path("successfulFinishedRuns")
                        .size()
                    == 1);

    await()
        .atMost(STARTUP)
        .until(() -> get(router.url("/mesos/master/state"), token).statusCode() == 200);
    JsonNode state = JSON.readTree(get(router.url("/mesos/master/state"), token).body());
    assertThat(state.get("hostname").asText()).isIn(MASTER_1, MASTER_2);

    await()
        .atMost(STARTUP)
        .until(() -> get(router.url("/mesos_dns/v1/version"), token).statusCode() == 200);
    assertThat(get(router.url("/mesos_dns/v1/hosts/leader.mesos"), token).body())
        .contains(state.get("hostname").asText());

    await()
        .atMost(STARTUP)
        .until(
            () ->
                JSON.readTree(get(router.url("/mesos/master/slaves"), token).body())
                        .path("slaves")
                        .size()
                    == 1);
    String agentId =
        JSON.readTree(get(router.url("/mesos/master/slaves"), token).body())
            .get("slaves")
            .get(0)
            .get("id")
            .asText();
    HttpResponse<String> agentState = get(router.url("/agent/" + agentId + "/state"), token);
    assertThat(agentState.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(agentState.body()).get("id").asText()).isEqualTo(agentId);
    assertThat(get(router.url("/agent/no-such-agent/state"), token).statusCode()).isEqualTo(404);

    JsonNode users = JSON.readTree(get(router.url("/acs/api/v1/users"), token).body());
    assertThat(users.get("array").get(0).get("uid").asText()).isEqualTo("admin");
    JsonNode health = JSON.readTree(get(router.url("/system/health/v1"), token).body());
    assertThat(health.get("units").findValuesAsText("id"))
        .contains("mesos-master", "mesos-agent", "mesos-dns");
    assertThat(get(router.url("/metadata"), token).body()).contains("CLUSTER_ID");
    // Each worker adds its counts to the shared ones every second.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              String metrics = get(router.url("/nginx/metrics"), null).body();
              return metrics.contains("dcos_router_requests_total{route=\"jobs\",status=\"2xx\"}")
                  && metrics.contains(
                      "dcos_router_requests_total{route=\"marathon\",status=\"2xx\"}");
            });
  }

  @Test
  @Order(4)
  void aServiceGetsPathQueryAndAuthorizationButNotTheLoginCookies() throws Exception {
    // A framework's web UI is routed by its name: the echo server answers for "echo".
    SchedulerClient framework = registerFramework("echo", "http://" + echo.hostPort());
    try {
      await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> get(router.url("/service/echo/"), token).statusCode() == 200);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(router.url("/service/echo/v1/things?x=1")))
              .header(
                  "Cookie",
                  "theme=dark; dcos-acs-auth-cookie="
                      + token
                      + "; dcos-acs-info-cookie=abc; lang=en")
              .build();
      HttpResponse<String> r =
          RouterRequests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode seen = JSON.readTree(r.body());
      assertThat(seen.get("server").asText()).isEqualTo("echo");
      assertThat(seen.get("path").asText()).isEqualTo("/v1/things");
      assertThat(seen.get("query").asText()).isEqualTo("x=1");
      assertThat(seen.get("cookie").asText()).isEqualTo("theme=dark; lang=en");
      assertThat(seen.get("authorization").isNull()).isTrue();
      JsonNode withHeader = JSON.readTree(get(router.url("/service/echo/v1/things"), token).body());
      assertThat(withHeader.get("authorization").asText()).isEqualTo("token=" + token);
      assertThat(withHeader.get("cookie").isNull()).isTrue();
      // Other cookies pass as they came.
      HttpResponse<String> plain =
          RouterRequests.HTTP.send(
              HttpRequest.newBuilder(URI.create(router.url("/service/echo/")))
                  .header("Authorization", "token=" + token)
                  .header("Cookie", "theme=dark; lang=en")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(plain.body()).get("cookie").asText())
          .isEqualTo("theme=dark; lang=en");
    } finally {
      framework.close();
    }
  }

  @Test
  @Order(5)
  void withAuthSwitchedOffNoTokenIsNeeded() throws Exception {
    HttpResponse<String> r = get(openRouter.url("/service/metronome/v1/jobs"), null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).findValuesAsText("id")).contains("router-job");
  }

  @Test
  @Order(6)
  void aLabelledMarathonAppIsRoutedWithinASecondOfRunningAndNotOnceDeleted() throws Exception {
    assertThat(get(router.url("/service/hello/"), token).statusCode()).isEqualTo(404);
    String app =
        """
        {"id": "/hello", "instances": 1, "cpus": 0.1, "mem": 32, "backoffSeconds": 1,
         "cmd": "echo hello-from-marathon > index.html && exec busybox httpd -f -p $HOST:$PORT0 -h .",
         "portDefinitions": [{"port": 0}],
         "labels": {"DCOS_SERVICE_NAME": "hello", "DCOS_SERVICE_SCHEME": "http",
                    "DCOS_SERVICE_PORT_INDEX": "0"}}
        """;
    // Marathon's event stream, followed through the router while the app is created.
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream =
        RouterRequests.HTTP.send(
            HttpRequest.newBuilder(URI.create(router.url("/marathon/v2/events")))
                .header("Authorization", "token=" + token)
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () -> {
              try {
                stream.body().forEach(events::add);
              } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
              }
            },
            "events-reader");
    reader.setDaemon(true);
    reader.start();

    HttpResponse<String> created = send("POST", router.url("/marathon/v2/apps"), app, token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.stream().anyMatch(l -> l.startsWith("data:") && l.contains("/hello")));
    stream.body().close();
    // From the moment Marathon reports the task running, the route appears within a second.
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> helloTaskStates().contains("TASK_RUNNING"));
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                get(router.url("/service/hello/"), token)
                    .body()
                    .strip()
                    .equals("hello-from-marathon"));

    HttpResponse<String> deleted =
        send("DELETE", router.url("/marathon/v2/apps/hello"), null, token);
    assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 202);
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> helloTaskStates().isEmpty());
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get(router.url("/service/hello/"), token).statusCode() == 404);
  }

  /** States of the tasks of /hello that Marathon lists; empty once the app is gone. */
  static List<String> helloTaskStates() throws Exception {
    JsonNode apps =
        JSON.readTree(get(router.url("/marathon/v2/apps?embed=apps.tasks"), token).body())
            .path("apps");
    List<String> states = new java.util.ArrayList<>();
    for (JsonNode a : apps) {
      if (a.path("id").asText().equals("/hello")) {
        a.path("tasks").forEach(t -> states.add(t.path("state").asText()));
        if (states.isEmpty()) {
          states.add("NO_TASK");
        }
      }
    }
    return states;
  }

  @Test
  @Order(7)
  void aFrameworkIsRoutedByNameToItsWebUi() throws Exception {
    String webUi = "http://" + APP_IP + ":" + hello.getAddress().getPort();
    SchedulerClient framework = registerFramework("hello-framework", webUi);
    try {
      await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  get(router.url("/service/hello-framework/ui"), token)
                      .body()
                      .equals("hello from /ui"));
    } finally {
      framework.close();
    }
  }

  @Test
  @Order(8)
  void mesosFollowsTheNewLeaderAfterTheLeaderIsKilled() throws Exception {
    await()
        .atMost(STARTUP)
        .until(() -> get(router.url("/mesos/master/state"), token).statusCode() == 200);
    String first =
        JSON.readTree(get(router.url("/mesos/master/state"), token).body())
            .get("hostname")
            .asText();
    KernelProcess leader = first.equals(MASTER_1) ? master1 : master2;
    String standby = first.equals(MASTER_1) ? MASTER_2 : MASTER_1;
    leader.kill9();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> r = get(router.url("/mesos/master/state"), token);
              return r.statusCode() == 200
                  && JSON.readTree(r.body()).get("hostname").asText().equals(standby);
            });
  }

  /** A framework that takes no offers, registered only for its web UI address. */
  static SchedulerClient registerFramework(String name, String webUi) {
    return SchedulerClient.builder(
            FrameworkInfo.newBuilder().setName(name).setUser("root").setWebuiUrl(webUi).build(),
            new Scheduler() {
              @Override
              public void subscribed(FrameworkID id, MasterInfo m) {}

              @Override
              public void offers(List<Offer> list) {}

              @Override
              public void update(TaskStatus status) {}
            })
        .zooKeeper(ZooKeeperUrl.parse(zkUrl))
        .start();
  }
}
