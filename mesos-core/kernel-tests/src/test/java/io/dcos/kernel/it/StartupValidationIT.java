package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Wrong flags stop a master or agent at start with a message that says what to fix. */
class StartupValidationIT {
  private record Exit(int code, String output) {}

  private static Exit run(String jar, String... flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-jar", jar));
    command.addAll(List.of(flags));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("exited").isTrue();
    return new Exit(p.exitValue(), out);
  }

  @Test
  void unknownAndInvalidFlagsAreExplained() throws Exception {
    String master = System.getProperty("kernel.master.jar");
    String agent = System.getProperty("kernel.agent.jar");

    Exit unknown = run(master, "--zk=zk://127.0.0.1:1/mesos", "--wrok_dir=/tmp");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.output()).contains("unknown flag --wrok_dir").contains("--zk");

    Exit badPort = run(master, "--zk=zk://127.0.0.1:1/mesos", "--ip=127.1.250.1", "--port=99999");
    assertThat(badPort.code()).isNotZero();
    assertThat(badPort.output()).contains("mesos.master.port").contains("99999");
    assertThat(badPort.output()).doesNotContain("\tat io.dcos");

    Exit badZk = run(master, "--zk=127.0.0.1:2181", "--ip=127.1.250.1");
    assertThat(badZk.code()).isNotZero();
    assertThat(badZk.output()).contains("zk://host:port/path");

    Exit badResources =
        run(
            agent,
            "--master=zk://127.0.0.1:1/mesos",
            "--ip=127.1.250.2",
            "--work_dir=/tmp/bad-agent",
            "--resources=cpus:four");
    assertThat(badResources.code()).isNotZero();
    assertThat(badResources.output()).contains("--resources").contains("cpus:four");

    Exit help = run(agent, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.output()).contains("--work_dir=VALUE").contains("--resources=VALUE");
  }
}
