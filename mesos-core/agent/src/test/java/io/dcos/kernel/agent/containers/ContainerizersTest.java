package io.dcos.kernel.agent.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.agent.containers.process.ProcessContainerizer;
import io.dcos.kernel.agent.containers.process.ProcessContainerizerConfig;
import io.dcos.kernel.agent.containers.process.cgroups.NoCgroups;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerizersTest {
  @TempDir Path work;

  @Test
  void dispatchesLaunchKillAndRecoverAndTurnsFailuresIntoEndedContainers() throws Exception {
    try (ProcessContainerizer process =
        new ProcessContainerizer(
            ProcessContainerizerConfig.defaults(work.resolve("run"), NoCgroups.INSTANCE)
                .withPollInterval(Duration.ofMillis(50)))) {
      Containerizers containerizers = new Containerizers(List.of(process));

      Container c = containerizers.launch(LaunchSpecs.shell(work, "sleep 1000"));
      Container again = containerizers.recover(c.checkpoint()).orElseThrow();
      assertThat(containerizers.recover(new ContainerCheckpoint("docker", "x", work, Map.of())))
          .isEmpty();
      containerizers.kill(again, Duration.ZERO);
      await().atMost(Duration.ofSeconds(5)).until(() -> again.termination().isDone());
      assertThat(again.termination().join().reason()).isEqualTo(Termination.Reason.KILLED);
      process.kill(c, Duration.ZERO);

      Container failed =
          containerizers.launchOrFail(
              LaunchSpecs.spec(
                  work,
                  CommandInfo.newBuilder().setValue("true").build(),
                  ContainerInfo.newBuilder().setType(ContainerInfo.Type.DOCKER).build(),
                  Map.of(),
                  Resources.EMPTY));
      Termination t = failed.termination().join();
      assertThat(t.reason()).isEqualTo(Termination.Reason.LAUNCH_FAILED);
      assertThat(t.message()).contains("no containerizer");
    }
  }
}
