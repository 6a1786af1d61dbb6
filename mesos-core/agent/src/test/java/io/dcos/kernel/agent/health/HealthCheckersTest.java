package io.dcos.kernel.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.LaunchSpecs;
import io.dcos.kernel.agent.containers.process.ProcessContainerizer;
import io.dcos.kernel.agent.containers.process.ProcessContainerizerConfig;
import io.dcos.kernel.agent.containers.process.cgroups.NoCgroups;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.HealthCheck;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real checks against a server and a task started here. */
class HealthCheckersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path work;
  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private ProcessContainerizer containerizer;
  private ScheduledExecutorService scheduler;

  @BeforeEach
  void setUp() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
    containerizer =
        new ProcessContainerizer(
            ProcessContainerizerConfig.defaults(work.resolve("run"), NoCgroups.INSTANCE)
                .withPollInterval(Duration.ofMillis(50)));
    scheduler = Executors.newScheduledThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
    containerizer.close();
    scheduler.shutdownNow();
  }

  private HealthCheck http(List<Integer> statuses) {
    return HealthCheck.newBuilder()
        .setType(HealthCheck.Type.HTTP)
        .setHttp(
            HealthCheck.HTTPCheckInfo.newBuilder()
                .setPort(server.getAddress().getPort())
                .setPath("/health")
                .addAllStatuses(statuses))
        .build();
  }

  @Test
  void httpCheckUsesStatusRanges() {
    HealthChecker checker = HealthCheckers.forTask(http(List.of()), null, "127.0.0.1");

    assertThat(checker.check(TIMEOUT)).isTrue();
    status.set(302);
    assertThat(checker.check(TIMEOUT)).isTrue();
    status.set(503);
    assertThat(checker.check(TIMEOUT)).isFalse();

    HealthChecker only503 = HealthCheckers.forTask(http(List.of(503)), null, "127.0.0.1");
    assertThat(only503.check(TIMEOUT)).isTrue();
    server.stop(0);
    assertThat(only503.check(TIMEOUT)).isFalse();
  }

  @Test
  void tcpCheckConnects() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
      HealthCheck tcp =
          HealthCheck.newBuilder()
              .setType(HealthCheck.Type.TCP)
              .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(port))
              .build();
      assertThat(HealthCheckers.forTask(tcp, null, "127.0.0.1").check(TIMEOUT)).isTrue();
    }
    assertThat(new TcpHealthChecker("127.0.0.1", port).check(TIMEOUT)).isFalse();
  }

  @Test
  void commandCheckRunsInTheTaskSandbox() throws Exception {
    Path sandbox = Files.createDirectories(work.resolve("sandbox"));
    Container task = containerizer.launch(LaunchSpecs.shell(sandbox, "sleep 1000"));
    try {
      HealthChecker checker =
          HealthCheckers.forTask(
              HealthCheck.newBuilder()
                  .setType(HealthCheck.Type.COMMAND)
                  .setCommand(CommandInfo.newBuilder().setValue("test -f ready"))
                  .build(),
              task,
              "127.0.0.1");

      assertThat(checker.check(TIMEOUT)).isFalse();
      Files.writeString(sandbox.resolve("ready"), "");
      assertThat(checker.check(TIMEOUT)).isTrue();
      assertThat(new CommandHealthChecker(task, "sleep 10").check(Duration.ofMillis(100)))
          .isFalse();
    } finally {
      containerizer.kill(task, Duration.ZERO);
    }
  }

  @Test
  void runnerReportsHealthyThenKillsAfterConsecutiveFailures() {
    HealthCheckPolicy policy =
        new HealthCheckPolicy(Duration.ZERO, Duration.ofMillis(20), TIMEOUT, 3, Duration.ZERO);
    List<String> events = new CopyOnWriteArrayList<>();
    HealthCheckRunner runner =
        HealthCheckRunner.start(
            policy,
            HealthCheckers.forTask(http(List.of()), null, "127.0.0.1"),
            scheduler,
            Clock.systemUTC(),
            (healthy, kill) -> events.add(healthy + "/" + kill));

    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("true/false"));
    status.set(500);
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("false/true"));

    assertThat(events).containsExactly("true/false", "false/false", "false/true");
    runner.stop();
  }

  @Test
  void stoppedRunnerStaysQuiet() {
    AtomicInteger checks = new AtomicInteger();
    List<Boolean> reports = new CopyOnWriteArrayList<>();
    HealthCheckRunner runner =
        HealthCheckRunner.start(
            new HealthCheckPolicy(Duration.ZERO, Duration.ofMillis(10), TIMEOUT, 3, Duration.ZERO),
            timeout -> checks.incrementAndGet() > 0,
            scheduler,
            Clock.systemUTC(),
            (healthy, kill) -> reports.add(healthy));
    await().atMost(Duration.ofSeconds(5)).until(() -> checks.get() >= 3);

    runner.stop();
    int reportsAtStop = reports.size();
    int checksAtStop = checks.get();

    await()
        .during(Duration.ofMillis(100))
        .atMost(Duration.ofSeconds(2))
        .until(() -> checks.get() <= checksAtStop + 1 && reports.size() == reportsAtStop);
    assertThat(reports).containsExactly(true);
  }
}
