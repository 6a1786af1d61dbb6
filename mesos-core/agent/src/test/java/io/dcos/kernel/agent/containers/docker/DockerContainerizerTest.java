package io.dcos.kernel.agent.containers.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.ContainerCheckpoint;
import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.LaunchSpec;
import io.dcos.kernel.agent.containers.LaunchSpecs;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.Termination.Reason;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.ContainerInfo.DockerInfo;
import io.dcos.kernel.protocol.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real local Docker engine; skipped only where its socket is absent. */
class DockerContainerizerTest {
  private static DockerClient docker;

  @TempDir Path sandbox;
  @TempDir Path hostDir;
  private DockerContainerizer containerizer;
  private final List<Container> launched = new ArrayList<>();

  @BeforeAll
  static void connect() throws Exception {
    assumeThat(Path.of("/var/run/docker.sock"))
        .as("the Docker engine socket /var/run/docker.sock")
        .exists();
    docker = DockerClients.connect(DockerClients.DEFAULT_HOST);
    BusyboxImage.ensure(docker);
  }

  @AfterAll
  static void disconnect() throws Exception {
    if (docker != null) {
      docker.close();
    }
  }

  @BeforeEach
  void setUp() {
    containerizer = new DockerContainerizer(docker, DockerContainerizerConfig.defaults());
  }

  @AfterEach
  void tearDown() {
    for (Container c : launched) {
      try {
        docker.removeContainerCmd(((DockerContainer) c).dockerId()).withForce(true).exec();
      } catch (NotFoundException e) {
        // already removed
      }
    }
    containerizer.close();
  }

  private Container launch(LaunchSpec spec) throws ContainerException {
    Container c = containerizer.launch(spec);
    launched.add(c);
    return c;
  }

  private LaunchSpec spec(String command, DockerInfo.Network network, Volume... volumes) {
    ContainerInfo.Builder container =
        ContainerInfo.newBuilder()
            .setType(ContainerInfo.Type.DOCKER)
            .setDocker(DockerInfo.newBuilder().setImage(BusyboxImage.IMAGE).setNetwork(network));
    for (Volume v : volumes) {
      container.addVolumes(v);
    }
    return LaunchSpecs.spec(
        sandbox,
        CommandInfo.newBuilder().setValue(command).build(),
        container.build(),
        Map.of("GREETING", "hello"),
        Resources.scalars(0.5, 64));
  }

  private static Termination awaitEnd(Container c) {
    await().atMost(Duration.ofSeconds(30)).until(() -> c.termination().isDone());
    return c.termination().join();
  }

  private void awaitStdout(String text) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Files.exists(sandbox.resolve("stdout"))
                    && Files.readString(sandbox.resolve("stdout")).contains(text));
  }

  @Test
  void runsCommandWithHostNetworkLogsAndExitCode() throws Exception {
    Files.writeString(hostDir.resolve("data.txt"), "from host");
    Container c =
        launch(
            spec(
                "echo $GREETING; echo to-err >&2; cat /data/data.txt; echo; echo $MESOS_SANDBOX;"
                    + " pwd; echo written > $MESOS_SANDBOX/out.txt; exit 3",
                DockerInfo.Network.HOST,
                Volume.newBuilder()
                    .setHostPath(hostDir.toString())
                    .setContainerPath("/data")
                    .setMode(Volume.Mode.RO)
                    .build()));

    Termination t = awaitEnd(c);

    assertThat(t.reason()).isEqualTo(Reason.EXITED);
    assertThat(t.exitStatus()).isEqualTo(3);
    assertThat(Files.readString(sandbox.resolve("stdout")))
        .isEqualTo("hello\nfrom host\n/mnt/mesos/sandbox\n/mnt/mesos/sandbox\n");
    assertThat(Files.readString(sandbox.resolve("stderr"))).isEqualTo("to-err\n");
    assertThat(Files.readString(sandbox.resolve("out.txt"))).isEqualTo("written\n");
    assertThatThrownBy(() -> docker.inspectContainerCmd(((DockerContainer) c).dockerId()).exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void sandboxesWithColonsMountAndMissingVolumePathsAreCreated() throws Exception {
    Path taskSandbox = Files.createDirectories(sandbox.resolve("ct:1700000000000:0:nightly:"));
    Container c =
        launch(
            LaunchSpecs.spec(
                taskSandbox,
                CommandInfo.newBuilder()
                    .setValue("echo kept > /scratch/out.txt; echo in $MESOS_SANDBOX")
                    .build(),
                ContainerInfo.newBuilder()
                    .setType(ContainerInfo.Type.DOCKER)
                    .setDocker(
                        DockerInfo.newBuilder()
                            .setImage(BusyboxImage.IMAGE)
                            .setNetwork(DockerInfo.Network.HOST))
                    .addVolumes(
                        Volume.newBuilder()
                            .setHostPath("scratch")
                            .setContainerPath("/scratch")
                            .setMode(Volume.Mode.RW))
                    .build(),
                Map.of(),
                Resources.scalars(0.5, 64)));

    Termination t = awaitEnd(c);

    assertThat(t.exitStatus()).isZero();
    assertThat(Files.readString(taskSandbox.resolve("stdout")))
        .isEqualTo("in /mnt/mesos/sandbox\n");
    assertThat(Files.readString(taskSandbox.resolve("scratch/out.txt"))).isEqualTo("kept\n");
  }

  @Test
  void appliesLimitsAndLabels() throws Exception {
    Container c = launch(spec("sleep 1000", DockerInfo.Network.NONE));

    var inspect = docker.inspectContainerCmd(((DockerContainer) c).dockerId()).exec();
    assertThat(inspect.getHostConfig().getMemory()).isEqualTo(64L << 20);
    assertThat(inspect.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("none");
    assertThat(inspect.getConfig().getLabels())
        .containsEntry(DockerRunSpec.LABEL_CONTAINER_ID, c.containerId());
    assertThat(inspect.getName()).isEqualTo("/mesos-" + c.containerId());

    containerizer.kill(c, Duration.ZERO);
    assertThat(awaitEnd(c).reason()).isEqualTo(Reason.KILLED);
  }

  @Test
  void killStopsWithGracePeriod() throws Exception {
    Container polite =
        launch(
            spec(
                "trap 'exit 0' TERM; echo up; while :; do sleep 1; done", DockerInfo.Network.HOST));
    awaitStdout("up");

    containerizer.kill(polite, Duration.ofSeconds(20));
    Termination t = awaitEnd(polite);

    assertThat(t.reason()).isEqualTo(Reason.KILLED);
    assertThat(t.exitStatus()).isEqualTo(0);
  }

  @Test
  void killForcesAfterGraceWhenTermIsIgnored() throws Exception {
    Container stubborn =
        launch(spec("trap '' TERM; echo up; while :; do sleep 1; done", DockerInfo.Network.HOST));
    awaitStdout("up");

    containerizer.kill(stubborn, Duration.ofSeconds(1));
    Termination t = awaitEnd(stubborn);

    assertThat(t.reason()).isEqualTo(Reason.KILLED);
    assertThat(t.exitStatus()).isEqualTo(137);
  }

  @Test
  void recoversByIdAfterRestartAndExecs() throws Exception {
    Container original = launch(spec("echo up; sleep 1000", DockerInfo.Network.HOST));
    awaitStdout("up");
    ContainerCheckpoint checkpoint = original.checkpoint();
    containerizer.close();

    containerizer = new DockerContainerizer(docker, DockerContainerizerConfig.defaults());
    Container recovered = containerizer.recover(checkpoint).orElseThrow();
    assertThat(recovered.termination()).isNotDone();
    assertThat(recovered.exec("test \"$GREETING\" = hello", Duration.ofSeconds(10))).isZero();
    assertThat(recovered.exec("exit 5", Duration.ofSeconds(10))).isEqualTo(5);

    containerizer.kill(recovered, Duration.ZERO);
    assertThat(awaitEnd(recovered).reason()).isEqualTo(Reason.KILLED);
    assertThat(Files.readString(sandbox.resolve("stdout"))).isEqualTo("up\n");
  }

  @Test
  void recoversExitCodeOfContainerThatEndedWhileDown() throws Exception {
    Container original = launch(spec("exit 9", DockerInfo.Network.HOST));
    ContainerCheckpoint checkpoint = original.checkpoint();
    containerizer.close();
    String dockerId = ((DockerContainer) original).dockerId();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try {
                return !docker.inspectContainerCmd(dockerId).exec().getState().getRunning();
              } catch (NotFoundException e) {
                return true;
              }
            });

    containerizer = new DockerContainerizer(docker, DockerContainerizerConfig.defaults());
    Termination t = awaitEnd(containerizer.recover(checkpoint).orElseThrow());

    // The closed containerizer's watcher may have removed it already: then it is LOST.
    assertThat(t.reason()).isIn(Reason.EXITED, Reason.LOST);
    if (t.reason() == Reason.EXITED) {
      assertThat(t.exitStatus()).isEqualTo(9);
    }
  }

  @Test
  void rejectsBridgeNetworking() {
    assertThatThrownBy(() -> launch(spec("true", DockerInfo.Network.BRIDGE)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("BRIDGE")
        .hasMessageContaining("HOST");
  }

  @Test
  void missingImageThatCannotBePulledFailsTheLaunch() {
    LaunchSpec spec =
        LaunchSpecs.spec(
            sandbox,
            CommandInfo.newBuilder().setValue("true").build(),
            ContainerInfo.newBuilder()
                .setType(ContainerInfo.Type.DOCKER)
                .setDocker(DockerInfo.newBuilder().setImage("dcos-test/absent:1"))
                .build(),
            Map.of(),
            Resources.EMPTY);

    assertThatThrownBy(() -> launch(spec))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("dcos-test/absent:1")
        .hasMessageContaining("not on this agent");
  }
}
