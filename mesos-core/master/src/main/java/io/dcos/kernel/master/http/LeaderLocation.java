package io.dcos.kernel.master.http;

import io.dcos.kernel.protocol.MasterInfo;

/**
 * Where Mesos sends clients of a standby: a protocol-relative URL {@code //host:port[path][?query]}
 * so the client keeps its scheme. The host is the leader's advertised hostname, else its ip.
 */
public final class LeaderLocation {
  private LeaderLocation() {}

  public static String of(MasterInfo leader, String path, String query) {
    String host = leader.getAddress().getHostname();
    if (host.isEmpty()) {
      host = leader.getAddress().getIp();
    }
    if (host.isEmpty()) {
      host = leader.getHostname();
    }
    int port =
        leader.getAddress().getPort() != 0 ? leader.getAddress().getPort() : leader.getPort();
    StringBuilder location = new StringBuilder("//").append(host).append(':').append(port);
    if (path != null) {
      location.append(path);
    }
    if (query != null && !query.isEmpty()) {
      location.append('?').append(query);
    }
    return location.toString();
  }
}
