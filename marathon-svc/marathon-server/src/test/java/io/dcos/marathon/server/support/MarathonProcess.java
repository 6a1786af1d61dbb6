package io.dcos.marathon.server.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** marathon-svc as a real process from its exec jar, so tests can kill it with SIGKILL. */
public final class MarathonProcess implements AutoCloseable {
  private final Process process;
  private final String hostAndPort;

  private MarathonProcess(Process process, String hostAndPort) {
    this.process = process;
    this.hostAndPort = hostAndPort;
  }

  /** Starts an instance on {@code ip} and a free port. */
  public static MarathonProcess start(String name, String ip, String jdbcUrl, String zkUrl)
      throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
      port = s.getLocalPort();
    }
    String jar = System.getProperty("marathon.server.jar");
    File logs = new File(System.getProperty("kernel.logs", "target/it-logs"));
    logs.mkdirs();
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-jar", jar));
    cmd.add("--marathon.http.address=" + ip);
    cmd.add("--marathon.http.port=" + port);
    cmd.add("--marathon.store.jdbc-url=" + jdbcUrl);
    cmd.add("--marathon.store.user=postgres");
    cmd.add("--marathon.store.password=postgres");
    cmd.add("--marathon.zk.url=" + zkUrl);
    cmd.add("--marathon.zk.session-timeout=4s");
    try {
      cmd.add("--marathon.framework.master=zk://" + TestInfra.zkConnect() + "/no-kernel");
    } catch (Exception e) {
      throw new IOException(e);
    }
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(new File(logs, name + ".log"))
            .start();
    return new MarathonProcess(p, ip + ":" + port);
  }

  public String hostAndPort() {
    return hostAndPort;
  }

  public String baseUrl() {
    return "http://" + hostAndPort;
  }

  /** SIGKILL: no shutdown hooks, no leadership handed over. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          kill9();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
