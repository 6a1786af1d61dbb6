package io.dcos.kernel.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A master or agent of a benchmark, running from its exec jar in a JVM of its own, as operators run
 * it. Invariant: {@link #kill9()} leaves neither the JVM nor any process it started (tasks) alive.
 */
final class KernelProcess {
  private final String name;
  private final String ip;
  private final List<String> command = new ArrayList<>();
  private final Path log;
  private Process process;

  KernelProcess(String name, String ip, String jar, List<String> jvmOptions, List<String> flags) {
    this.name = name;
    this.ip = ip;
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar);
    command.addAll(flags);
    this.log =
        Path.of(System.getProperty("kernel.logs", "target/bench-logs")).resolve(name + ".log");
  }

  String name() {
    return name;
  }

  String ip() {
    return ip;
  }

  Path log() {
    return log;
  }

  KernelProcess start() {
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .directory(new File(System.getProperty("java.io.tmpdir")))
              .start();
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /**
   * SIGKILL to the JVM and to every process below it, as a crash would: no shutdown hooks. The
   * descendants are listed first, because once the JVM is gone its tasks no longer hang below it.
   */
  void kill9() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> below = process.descendants().toList();
    process.destroyForcibly();
    below.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
