package io.dcos.dns.records;

import java.util.List;
import java.util.Optional;

/**
 * What the name scheme needs to know about the cluster at one instant: plain values converted from
 * the master's state at the edge. Invariant: immutable.
 */
public record ClusterSnapshot(
    List<Master> masters,
    Optional<Master> leader,
    List<Agent> agents,
    List<Framework> frameworks,
    List<Task> tasks) {

  public ClusterSnapshot {
    masters = List.copyOf(masters);
    agents = List.copyOf(agents);
    frameworks = List.copyOf(frameworks);
    tasks = List.copyOf(tasks);
  }

  public static ClusterSnapshot empty() {
    return new ClusterSnapshot(List.of(), Optional.empty(), List.of(), List.of(), List.of());
  }

  /** A master: its IP address and HTTP port. */
  public record Master(String ip, int port) {}

  /** An agent: its id and the IP address it is reached at. */
  public record Agent(String id, String ip) {}

  /** A framework: id, name and the address of its scheduler's host (may be empty). */
  public record Framework(String id, String name, String hostIp) {}

  /** A task port: number, optional name and protocol ("tcp" or "udp"). */
  public record Port(int number, String name, String protocol) {}

  /**
   * A task: id, name, where it runs, whether it is TASK_RUNNING, the container's IP addresses
   * (newest status first) and its ports in SRV order (named discovery ports, else port resources).
   */
  public record Task(
      String id,
      String name,
      String frameworkId,
      String agentId,
      boolean running,
      List<String> ips,
      List<Port> ports) {
    public Task {
      ips = List.copyOf(ips);
      ports = List.copyOf(ports);
    }
  }
}
