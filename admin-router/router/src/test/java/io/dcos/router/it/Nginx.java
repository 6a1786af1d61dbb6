package io.dcos.router.it;

import io.dcos.router.config.GenerateRouterConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real nginx for tests: the cluster configuration is written to a file, the generator writes the
 * router folder from it, and nginx runs in the foreground from that folder until closed.
 */
final class Nginx implements AutoCloseable {
  private final Path out;
  private final String address;
  private Process process;

  private Nginx(Path out, String address) {
    this.out = out;
    this.address = address;
  }

  /** Generates from {@code clusterConf} (KEY=value lines) into {@code dir} and starts nginx. */
  static Nginx start(Path dir, String clusterConf) throws IOException {
    Files.createDirectories(dir);
    Path conf = dir.resolve("cluster.conf");
    Files.writeString(conf, clusterConf);
    Path out = GenerateRouterConfig.generate(conf, dir.resolve("router"));
    String listen =
        clusterConf
            .lines()
            .filter(l -> l.startsWith("ROUTER_LISTEN="))
            .findFirst()
            .orElseThrow()
            .substring(14);
    Nginx nginx = new Nginx(out, listen);
    nginx.process =
        new ProcessBuilder("nginx", "-p", out.toString(), "-c", "nginx.conf", "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("nginx.out").toFile())
            .start();
    String host = listen.substring(0, listen.lastIndexOf(':'));
    int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              if (!nginx.process.isAlive()) {
                throw new IllegalStateException(
                    "nginx exited: " + Files.readString(out.resolve("nginx.out")));
              }
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
    return nginx;
  }

  String url(String path) {
    return "http://" + address + path;
  }

  Path folder() {
    return out;
  }

  /** A port that was free on {@code ip} a moment ago. */
  static int freePort(String ip) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(ip, 0));
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
