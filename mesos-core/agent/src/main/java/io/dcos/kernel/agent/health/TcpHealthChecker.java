package io.dcos.kernel.agent.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A TCP check: a connection to the port is accepted within the timeout. */
public final class TcpHealthChecker implements HealthChecker {
  private final String host;
  private final int port;

  public TcpHealthChecker(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public boolean check(Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(host, port),
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
