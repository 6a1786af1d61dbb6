package io.dcos.kernel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineFlagsTest {
  private final CommandLineFlags flags =
      new CommandLineFlags(
          "mesos-agent",
          List.of(
              new CommandLineFlags.Flag("work_dir", "mesos.agent.work-dir", "where"),
              new CommandLineFlags.Flag("master", "mesos.agent.master", "zk")));

  @Test
  void translatesMesosFlagsToProperties() {
    assertThat(flags.translate(new String[] {"--work_dir=/tmp/a", "--master=zk://h:1/m"}))
        .containsExactly("--mesos.agent.work-dir=/tmp/a", "--mesos.agent.master=zk://h:1/m");
    assertThat(flags.translate(new String[] {"--work-dir=/x"}))
        .containsExactly("--mesos.agent.work-dir=/x");
    assertThat(flags.translate(new String[] {"--mesos.agent.port=1"}))
        .containsExactly("--mesos.agent.port=1");
  }

  @Test
  void unknownFlagsNameTheKnownOnes() {
    assertThatThrownBy(() -> flags.translate(new String[] {"--wrok_dir=/tmp"}))
        .hasMessageContaining("unknown flag --wrok_dir")
        .hasMessageContaining("--work_dir");
    assertThatThrownBy(() -> flags.translate(new String[] {"work_dir"}))
        .hasMessageContaining("unexpected argument");
    assertThat(flags.usage()).contains("--work_dir=VALUE");
  }
}
