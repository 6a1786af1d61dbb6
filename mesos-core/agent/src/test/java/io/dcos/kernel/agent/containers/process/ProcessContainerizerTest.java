package io.dcos.kernel.agent.containers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.LaunchSpecs;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.Termination.Reason;
import io.dcos.kernel.agent.containers.process.cgroups.NoCgroups;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.CommandInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessContainerizerTest {
  @TempDir Path work;
  private Path sandbox;
  private final List<ProcessContainerizer> containerizers = new ArrayList<>();
  private final List<Container> launched = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    sandbox = Files.createDirectories(work.resolve("sandbox"));
  }

  @AfterEach
  void tearDown() {
    for (Container c : launched) {
      if (!c.termination().isDone()) {
        containerizers.get(containerizers.size() - 1).kill(c, Duration.ZERO);
        awaitEnd(c);
      }
    }
    containerizers.forEach(ProcessContainerizer::close);
  }

  private ProcessContainerizer containerizer() {
    ProcessContainerizer containerizer =
        new ProcessContainerizer(
            ProcessContainerizerConfig.defaults(work.resolve("run"), NoCgroups.INSTANCE)
                .withPollInterval(Duration.ofMillis(50)));
    containerizers.add(containerizer);
    return containerizer;
  }

  private Container launch(ProcessContainerizer containerizer, String command) throws Exception {
    Container c = containerizer.launch(LaunchSpecs.shell(sandbox, command));
    launched.add(c);
    return c;
  }

  private static Termination awaitEnd(Container c) {
    await().atMost(Duration.ofSeconds(10)).until(() -> c.termination().isDone());
    return c.termination().join();
  }

  @Test
  void runsShellCommandWithOutputInSandboxAndExitStatus() throws Exception {
    Container c = launch(containerizer(), "echo hello; echo oops >&2; exit 3");

    Termination t = awaitEnd(c);

    assertThat(t.reason()).isEqualTo(Reason.EXITED);
    assertThat(t.exitStatus()).isEqualTo(3);
    assertThat(Files.readString(sandbox.resolve("stdout"))).isEqualTo("hello\n");
    assertThat(Files.readString(sandbox.resolve("stderr"))).isEqualTo("oops\n");
  }

  @Test
  void seesEnvironmentAndRunsInSandbox() throws Exception {
    Container c =
        containerizer()
            .launch(
                LaunchSpecs.shell(
                    sandbox,
                    "echo \"$GREETING $(pwd)\"",
                    Map.of("GREETING", "hi there"),
                    Resources.EMPTY));
    launched.add(c);

    assertThat(awaitEnd(c).succeeded()).isTrue();
    assertThat(Files.readString(sandbox.resolve("stdout")))
        .isEqualTo("hi there " + sandbox.toRealPath() + "\n");
  }

  @Test
  void execsWithoutShell() throws Exception {
    CommandInfo command =
        CommandInfo.newBuilder()
            .setShell(false)
            .setValue("/bin/echo")
            .addArguments("echo")
            .addArguments("a b")
            .addArguments("$HOME")
            .build();
    Container c =
        containerizer().launch(LaunchSpecs.spec(sandbox, command, null, Map.of(), Resources.EMPTY));
    launched.add(c);

    assertThat(awaitEnd(c).succeeded()).isTrue();
    assertThat(Files.readString(sandbox.resolve("stdout"))).isEqualTo("a b $HOME\n");
  }

  @Test
  void killEndsTaskOnSigterm() throws Exception {
    ProcessContainerizer containerizer = containerizer();
    Container c = launch(containerizer, "echo started; sleep 1000");
    awaitStdout("started");

    containerizer.kill(c, Duration.ofSeconds(30));
    Termination t = awaitEnd(c);

    assertThat(t.reason()).isEqualTo(Reason.KILLED);
    assertThat(t.exitStatus()).isEqualTo(143);
  }

  @Test
  void killSendsSigkillAfterGraceWhenTermIsIgnored() throws Exception {
    ProcessContainerizer containerizer = containerizer();
    Container c = launch(containerizer, "trap '' TERM; echo started; while :; do sleep 1; done");
    awaitStdout("started");
    long killedAt = System.nanoTime();

    containerizer.kill(c, Duration.ofMillis(500));
    Termination t = awaitEnd(c);

    assertThat(System.nanoTime() - killedAt).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(450));
    assertThat(t.reason()).isEqualTo(Reason.KILLED);
    assertThat(t.exitStatus()).isEqualTo(137);
  }

  @Test
  void killTakesDownTheWholeProcessTree() throws Exception {
    ProcessContainerizer containerizer = containerizer();
    Container c =
        launch(
            containerizer,
            "sleep 1001 & echo $! > pids; (setsid sleep 1002 & echo $! >> pids);"
                + " sh -c 'sleep 1003' & echo $! >> pids; echo started; wait");
    awaitStdout("started");
    List<Long> children = readPids();
    assertThat(children).hasSize(3).noneMatch(ProcessContainerizerTest::gone);

    containerizer.kill(c, Duration.ofSeconds(5));
    awaitEnd(c);

    // The setsid child left the session: only a cgroup finds it, so it is not expected gone here.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> gone(children.get(0)) && gone(children.get(2)));
    ProcessHandle.of(children.get(1)).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void leftoverProcessesAreKilledWhenTheTaskEnds() throws Exception {
    Container c = launch(containerizer(), "sleep 1000 & echo $! > pids; exit 0");

    assertThat(awaitEnd(c).succeeded()).isTrue();

    long child = readPids().get(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> gone(child));
  }

  @Test
  void recoversRunningTaskAfterRestartAndKillsIt() throws Exception {
    ProcessContainerizer first = containerizer();
    Container original = launch(first, "echo started; sleep 1000");
    awaitStdout("started");
    ContainerCheckpoint checkpoint = original.checkpoint();
    first.close();

    ProcessContainerizer second = containerizer();
    Container recovered = second.recover(checkpoint).orElseThrow();
    launched.add(recovered);
    assertThat(recovered.termination()).isNotDone();
    assertThat(recovered.exec("test -f stdout", Duration.ofSeconds(5))).isZero();

    second.kill(recovered, Duration.ofSeconds(5));
    Termination t = awaitEnd(recovered);
    assertThat(t.reason()).isEqualTo(Reason.KILLED);
    assertThat(t.exitStatus()).isEqualTo(143);
  }

  @Test
  void recoversExitStatusOfTaskThatEndedWhileAgentWasDown() throws Exception {
    // The task is blocked on a fifo until the "down" agent is gone, then ends by itself.
    Path fifo = sandbox.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    ProcessContainerizer first = containerizer();
    Container original = launch(first, "read line < fifo; exit 7");
    ContainerCheckpoint checkpoint = original.checkpoint();
    first.close();
    Files.writeString(fifo, "go\n");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(
                    work.resolve("run").resolve(original.containerId()).resolve("exit_status")));

    Container recovered = containerizer().recover(checkpoint).orElseThrow();
    Termination t = awaitEnd(recovered);

    assertThat(t.reason()).isEqualTo(Reason.EXITED);
    assertThat(t.exitStatus()).isEqualTo(7);
  }

  @Test
  void reportsLostWhenProcessIsGoneWithoutStatus() {
    ContainerCheckpoint checkpoint =
        new ContainerCheckpoint(
            "process",
            "gone",
            sandbox,
            Map.of(
                "pid", "999999",
                "startTime", "1",
                "runDirectory", work.resolve("run/gone").toString(),
                "cgroup", "none"));

    Termination t = awaitEnd(containerizer().recover(checkpoint).orElseThrow());

    assertThat(t.reason()).isEqualTo(Reason.LOST);
    assertThat(t.exitStatus()).isNull();
  }

  @Test
  void ignoresCheckpointsOfOtherKinds() {
    assertThat(
            containerizer()
                .recover(new ContainerCheckpoint("docker", "x", sandbox, Map.of("dockerId", "y"))))
        .isEmpty();
  }

  @Test
  void execRunsCommandsInSandboxWithTaskEnvironment() throws Exception {
    Container c =
        containerizer()
            .launch(
                LaunchSpecs.shell(sandbox, "sleep 1000", Map.of("MARKER", "m1"), Resources.EMPTY));
    launched.add(c);

    assertThat(c.exec("[ \"$MARKER\" = m1 ] && echo x > from-exec", Duration.ofSeconds(5)))
        .isZero();
    assertThat(sandbox.resolve("from-exec")).exists();
    assertThat(c.exec("exit 4", Duration.ofSeconds(5))).isEqualTo(4);
  }

  @Test
  void execTimesOut() throws Exception {
    Container c = launch(containerizer(), "sleep 1000");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> c.exec("sleep 1000", Duration.ofMillis(200)))
        .hasMessageContaining("did not finish");
  }

  private void awaitStdout(String text) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(sandbox.resolve("stdout"))
                    && Files.readString(sandbox.resolve("stdout")).contains(text));
  }

  static boolean gone(long pid) {
    return new ProcFs(Path.of("/proc")).stat(pid).filter(ProcStat::running).isEmpty();
  }

  private List<Long> readPids() throws Exception {
    List<Long> pids = new ArrayList<>();
    for (String line : Files.readAllLines(sandbox.resolve("pids"))) {
      pids.add(Long.parseLong(line.trim()));
    }
    return pids;
  }
}
