package io.dcos.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command brings up a whole one-machine cluster, and the stop command ends it.
 */
class ClusterCommandIT {
  private static final Path ROOT =
      Path.of(System.getProperty("user.dir")).resolve("..").normalize();

  private record Result(int exit, String output) {}

  private static Result run(Path home, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().put("DCOS_HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("command did not finish: " + String.join(" ", command) + "\n" + out);
    }
    return new Result(p.exitValue(), out);
  }

  @Test
  void upStartsTheClusterAndDownStopsIt() throws Exception {
    Path home = Files.createTempDirectory("dcos-up-");
    try {
      Result up = run(home, "installer/bin/dcos-up");
      assertThat(up.exit()).as(up.output()).isZero();
      assertThat(up.output())
          .contains("The cluster is up.")
          .contains("http://127.0.1.1:5050")
          .contains("127.0.2.1:5051 127.0.2.2:5051")
          .contains("installer/bin/dcos-down");

      Result leader = run(home, "dig", "+short", "@127.0.0.1", "-p", "61053", "leader.mesos");
      assertThat(leader.output().trim()).isEqualTo("127.0.1.1");

      Result again = run(home, "installer/bin/dcos-up");
      assertThat(again.exit()).isNotZero();
      assertThat(again.output()).contains("already running").contains("dcos-down");
    } finally {
      Result down = run(home, "installer/bin/dcos-down", "--clean");
      assertThat(down.output()).contains("The cluster is stopped.");
    }
    assertThat(Files.exists(home)).isFalse();
  }
}
