package io.dcos.kernel.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A master or agent running as its own JVM, the way operators run them, so tests can kill -9, pause
 * (SIGSTOP) and restart real processes. Output goes to a log file per process.
 */
final class KernelProcess implements AutoCloseable {
  private final String name;
  private final String ip;
  private final List<String> command;
  private final Path log;
  private Process process;

  KernelProcess(String name, String ip, String jar, List<String> flags) {
    this.name = name;
    this.ip = ip;
    this.command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar));
    command.addAll(flags);
    Path logs = Path.of(System.getProperty("kernel.logs", "target/it-logs"));
    this.log = logs.resolve(name + ".log");
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

  /** SIGKILL, as a crash would: no shutdown hooks, no goodbye to anyone. */
  void kill9() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGSTOP: the process stays, silent, as behind a network partition. */
  void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  void resume() {
    signal("CONT");
  }

  private void signal(String sig) {
    try {
      int code = new ProcessBuilder("kill", "-" + sig, Long.toString(pid())).start().waitFor();
      if (code != 0) {
        throw new IllegalStateException("kill -" + sig + " " + pid() + " exited " + code);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (alive()) {
      resume();
      kill9();
    }
  }
}
