package io.dcos.kernel.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A master or agent running from its exec jar in a JVM of its own, as operators run it, for
 * benchmarks and fault tests: it can be killed with SIGKILL (alone, as a crash leaves its tasks
 * running, or with everything it started), paused with SIGSTOP and resumed. Output goes to a log
 * file per process under {@code kernel.logs}.
 */
public final class KernelProcess implements AutoCloseable {
  private final String name;
  private final String ip;
  private final List<String> command = new ArrayList<>();
  private final Path log;
  private Process process;

  public KernelProcess(
      String name, String ip, String jar, List<String> jvmOptions, List<String> flags) {
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

  public String name() {
    return name;
  }

  public String ip() {
    return ip;
  }

  public Path log() {
    return log;
  }

  public KernelProcess start() {
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

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL to the JVM only, as a crash: no shutdown hooks, and its tasks keep running. */
  public void kill9() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit();
    }
  }

  /**
   * SIGKILL to the JVM and to every process below it. The descendants are listed first, because
   * once the JVM is gone its tasks no longer hang below it.
   */
  public void killWithDescendants() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> below = process.descendants().toList();
    process.destroyForcibly();
    below.forEach(ProcessHandle::destroyForcibly);
    awaitExit();
  }

  /** SIGSTOP: the process stays, silent, as behind a network partition. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
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

  private void awaitExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Resumes the process if paused and kills its JVM; tasks it left are the caller's to clean. */
  @Override
  public void close() {
    if (alive()) {
      resume();
      kill9();
    }
  }
}
