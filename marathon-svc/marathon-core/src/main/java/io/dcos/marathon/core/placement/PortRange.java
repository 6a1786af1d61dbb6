package io.dcos.marathon.core.placement;

/** An inclusive range of ports. Invariant: {@code 0 < begin <= end <= 65535}. */
public record PortRange(int begin, int end) {
  public PortRange {
    if (begin < 1 || end > 65535 || begin > end) {
      throw new IllegalArgumentException("bad port range " + begin + "-" + end);
    }
  }

  /** A one-port range. */
  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /** True when {@code port} lies in this range. */
  public boolean contains(int port) {
    return port >= begin && port <= end;
  }

  /** Number of ports in the range. */
  public int size() {
    return end - begin + 1;
  }
}
