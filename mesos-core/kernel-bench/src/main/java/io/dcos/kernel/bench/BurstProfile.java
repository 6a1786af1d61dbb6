package io.dcos.kernel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Flight Recorder profiles of the master and of the benchmark JVM over one measured phase, when
 * {@code -Dbench.profile=<dir>} names a directory: {@code master.jfr} and {@code bench.jfr} there.
 * The master's recording is started and dumped with {@code jcmd}, because the benchmark ends it
 * with kill -9, which leaves no recording behind.
 */
final class BurstProfile {
  private final KernelProcess master;
  private final Path dir;
  private final Recording local;

  private BurstProfile(KernelProcess master, Path dir, Recording local) {
    this.master = master;
    this.dir = dir;
    this.local = local;
  }

  static BurstProfile start(KernelProcess master) throws Exception {
    String dir = System.getProperty("bench.profile", "").trim();
    if (dir.isEmpty()) {
      return new BurstProfile(master, null, null);
    }
    Path out = Files.createDirectories(Path.of(dir));
    jcmd(master, "JFR.start", "name=burst", "settings=profile");
    Recording local = new Recording(Configuration.getConfiguration("profile"));
    local.start();
    return new BurstProfile(master, out, local);
  }

  void stop() throws Exception {
    if (dir == null) {
      return;
    }
    jcmd(
        master, "JFR.dump", "name=burst", "filename=" + dir.resolve("master.jfr").toAbsolutePath());
    local.stop();
    local.dump(dir.resolve("bench.jfr"));
    local.close();
    System.out.println("profiles of the burst: " + dir.resolve("master.jfr") + ", bench.jfr");
  }

  private static void jcmd(KernelProcess process, String... command) throws Exception {
    String[] args = new String[command.length + 2];
    args[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    args[1] = Long.toString(process.pid());
    System.arraycopy(command, 0, args, 2, command.length);
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
    }
  }
}
