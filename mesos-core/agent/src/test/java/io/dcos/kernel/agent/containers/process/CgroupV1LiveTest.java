package io.dcos.kernel.agent.containers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.agent.containers.Container;
import io.dcos.kernel.agent.containers.LaunchSpecs;
import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.agent.containers.Termination.Reason;
import io.dcos.kernel.agent.containers.process.cgroups.Cgroups;
import io.dcos.kernel.agent.containers.process.cgroups.CgroupsDetector;
import io.dcos.kernel.model.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live cgroups v1 isolation; skipped where the v1 cpu and memory hierarchies are not writable. */
class CgroupV1LiveTest {
  private static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
  private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");

  @TempDir Path work;
  private final String root = "mesos-test-" + UUID.randomUUID().toString().substring(0, 8);
  private ProcessContainerizer containerizer;
  private Path sandbox;

  @BeforeEach
  void setUp() throws Exception {
    Cgroups cgroups = CgroupsDetector.detect(root);
    assumeThat(cgroups.version()).as("cgroups v1 writable on this machine").isEqualTo("v1");
    sandbox = Files.createDirectories(work.resolve("sandbox"));
    containerizer =
        new ProcessContainerizer(
            ProcessContainerizerConfig.defaults(work.resolve("run"), cgroups)
                .withPollInterval(Duration.ofMillis(50)));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (containerizer != null) {
      containerizer.close();
      Files.deleteIfExists(MEMORY.resolve(root));
      Files.deleteIfExists(CPU.resolve(root));
    }
  }

  @Test
  void appliesLimitsPlacesTaskAndRemovesCgroupAtEnd() throws Exception {
    Container c =
        containerizer.launch(
            LaunchSpecs.shell(
                sandbox, "echo started; sleep 1000", Map.of(), Resources.scalars(0.25, 48)));
    Path memory = MEMORY.resolve(root).resolve(c.containerId());
    Path cpu = CPU.resolve(root).resolve(c.containerId());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(sandbox.resolve("stdout"))
                    && Files.readString(sandbox.resolve("stdout")).contains("started"));

    assertThat(Files.readString(memory.resolve("memory.limit_in_bytes")).trim())
        .isEqualTo(Long.toString(48L << 20));
    assertThat(Files.readString(cpu.resolve("cpu.shares")).trim()).isEqualTo("256");
    assertThat(Files.readString(cpu.resolve("cpu.cfs_quota_us")).trim()).isEqualTo("25000");
    assertThat(Files.readString(memory.resolve("cgroup.procs")))
        .contains(Long.toString(((ProcessContainer) c).pid()));

    containerizer.kill(c, Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(10)).until(() -> c.termination().isDone());
    assertThat(c.termination().join().reason()).isEqualTo(Reason.KILLED);
    assertThat(memory).doesNotExist();
    assertThat(cpu).doesNotExist();
  }

  @Test
  void memoryHogEndsWithMemoryLimit() throws Exception {
    Container c =
        containerizer.launch(
            LaunchSpecs.shell(
                sandbox,
                "head -c 100m /dev/zero | tail",
                Map.of("PATH", "/usr/bin:/bin"),
                Resources.scalars(0.5, 32)));

    await().atMost(Duration.ofSeconds(20)).until(() -> c.termination().isDone());
    Termination t = c.termination().join();

    assertThat(t.reason()).isEqualTo(Reason.MEMORY_LIMIT);
    assertThat(t.exitStatus()).isEqualTo(137);
  }

  @Test
  void killFindsProcessesThatLeftTheSessionThroughTheCgroup() throws Exception {
    Container c =
        containerizer.launch(
            LaunchSpecs.shell(
                sandbox,
                "(setsid sleep 1002 & echo $! > pids); echo started; sleep 1000",
                Map.of("PATH", "/usr/bin:/bin"),
                Resources.scalars(0.1, 32)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(sandbox.resolve("stdout"))
                    && Files.readString(sandbox.resolve("stdout")).contains("started"));
    long escaped = Long.parseLong(Files.readString(sandbox.resolve("pids")).trim());
    assertThat(ProcessContainerizerTest.gone(escaped)).isFalse();

    containerizer.kill(c, Duration.ofSeconds(5));

    await().atMost(Duration.ofSeconds(10)).until(() -> c.termination().isDone());
    assertThat(ProcessContainerizerTest.gone(escaped)).isTrue();
  }
}
