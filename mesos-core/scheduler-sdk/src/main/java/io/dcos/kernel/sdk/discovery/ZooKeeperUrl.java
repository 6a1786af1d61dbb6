package io.dcos.kernel.sdk.discovery;

import java.net.URI;

/**
 * A ZooKeeper location as Mesos writes it: {@code zk://host1:2181,host2:2181/mesos}. Invariant: the
 * connect string is non-empty and the path starts with '/'.
 */
public record ZooKeeperUrl(String connectString, String path) {
  public ZooKeeperUrl {
    if (connectString == null || connectString.isBlank()) {
      throw new IllegalArgumentException("ZooKeeper URL needs at least one host:port");
    }
    if (path == null || !path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
      throw new IllegalArgumentException(
          "ZooKeeper path must start with '/' and not end with '/', got " + path);
    }
  }

  /** Parses {@code zk://hosts/path}; the message of the exception says what to fix. */
  public static ZooKeeperUrl parse(String url) {
    if (url == null || !url.startsWith("zk://")) {
      throw new IllegalArgumentException(
          "ZooKeeper URL must look like zk://host:port[,host:port]/path, got '" + url + "'");
    }
    String rest = url.substring("zk://".length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException(
          "ZooKeeper URL must name hosts and a path, like zk://127.0.0.1:2181/mesos, got '"
              + url
              + "'");
    }
    String hosts = rest.substring(0, slash);
    for (String host : hosts.split(",")) {
      URI check = URI.create("zk://" + host);
      if (check.getHost() == null || check.getPort() <= 0) {
        throw new IllegalArgumentException(
            "ZooKeeper host '" + host + "' in '" + url + "' must be host:port");
      }
    }
    return new ZooKeeperUrl(hosts, rest.substring(slash));
  }

  @Override
  public String toString() {
    return "zk://" + connectString + path;
  }
}
