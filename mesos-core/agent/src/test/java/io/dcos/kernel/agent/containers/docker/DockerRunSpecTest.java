package io.dcos.kernel.agent.containers.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcos.kernel.agent.containers.ContainerException;
import io.dcos.kernel.agent.containers.LaunchSpecs;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.ContainerInfo.DockerInfo;
import io.dcos.kernel.protocol.Volume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerRunSpecTest {
  private static final Path SANDBOX = Path.of("/var/lib/mesos/sandbox/t1");

  private static DockerRunSpec run(CommandInfo command, ContainerInfo.Builder container)
      throws ContainerException {
    return DockerRunSpec.from(
        LaunchSpecs.spec(
            SANDBOX, command, container.build(), Map.of("A", "1"), Resources.scalars(1.5, 16)),
        "mesos-");
  }

  private static ContainerInfo.Builder docker(DockerInfo.Network network) {
    return ContainerInfo.newBuilder()
        .setType(ContainerInfo.Type.DOCKER)
        .setDocker(DockerInfo.newBuilder().setImage("img:1").setNetwork(network));
  }

  @Test
  void shellCommandOverridesEntrypoint() throws Exception {
    DockerRunSpec spec =
        run(
            CommandInfo.newBuilder().setValue("echo hi").build(),
            docker(DockerInfo.Network.UNKNOWN));

    assertThat(spec.networkMode()).isEqualTo("host");
    assertThat(spec.entrypoint()).contains(List.of("/bin/sh", "-c"));
    assertThat(spec.cmd()).contains(List.of("echo hi"));
    assertThat(spec.env()).contains("A=1", "MESOS_SANDBOX=/mnt/mesos/sandbox");
    assertThat(spec.mounts())
        .first()
        .isEqualTo(new DockerRunSpec.BindMount(SANDBOX.toString(), "/mnt/mesos/sandbox", false));
    assertThat(spec.memoryBytes()).isEqualTo(32L << 20);
    assertThat(spec.nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec.cpuShares()).isEqualTo(1536);
  }

  @Test
  void argvAndEmptyCommandKeepImageEntrypoint() throws Exception {
    DockerRunSpec args =
        run(
            CommandInfo.newBuilder()
                .setShell(false)
                .addArguments("--port")
                .addArguments("80")
                .build(),
            docker(DockerInfo.Network.NONE));
    assertThat(args.entrypoint()).isEmpty();
    assertThat(args.cmd()).contains(List.of("--port", "80"));
    assertThat(args.networkMode()).isEqualTo("none");

    DockerRunSpec empty = run(CommandInfo.getDefaultInstance(), docker(DockerInfo.Network.HOST));
    assertThat(empty.entrypoint()).isEmpty();
    assertThat(empty.cmd()).isEmpty();
  }

  @Test
  void volumesResolveAgainstSandbox() throws Exception {
    DockerRunSpec spec =
        run(
            CommandInfo.getDefaultInstance(),
            docker(DockerInfo.Network.HOST)
                .addVolumes(
                    Volume.newBuilder()
                        .setHostPath("data")
                        .setContainerPath("/data")
                        .setMode(Volume.Mode.RO))
                .addVolumes(Volume.newBuilder().setHostPath("/srv").setContainerPath("cache")));

    assertThat(spec.mounts())
        .containsExactly(
            new DockerRunSpec.BindMount(SANDBOX.toString(), "/mnt/mesos/sandbox", false),
            new DockerRunSpec.BindMount(SANDBOX + "/data", "/data", true),
            new DockerRunSpec.BindMount("/srv", "/mnt/mesos/sandbox/cache", false));
  }

  @Test
  void rejectsBridgeAndUserNetworks() {
    for (DockerInfo.Network network : List.of(DockerInfo.Network.BRIDGE, DockerInfo.Network.USER)) {
      assertThatThrownBy(() -> run(CommandInfo.getDefaultInstance(), docker(network)))
          .isInstanceOf(ContainerException.class)
          .hasMessageContaining(network.name())
          .hasMessageContaining("HOST");
    }
  }
}
