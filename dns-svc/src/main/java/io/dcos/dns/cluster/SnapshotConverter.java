package io.dcos.dns.cluster;

import io.dcos.dns.records.ClusterSnapshot;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.NetworkInfo;
import io.dcos.kernel.protocol.Port;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.Value;
import io.dcos.kernel.protocol.operator.AgentState;
import io.dcos.kernel.protocol.operator.FrameworkState;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts the kernel's protobuf view of the cluster into the name scheme's plain snapshot: agent
 * and framework host names become IP addresses, a task's addresses come from its newest status that
 * has network info, and its ports from named discovery ports first, else port resources.
 */
final class SnapshotConverter {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private SnapshotConverter() {}

  static ClusterSnapshot convert(ClusterView view) {
    List<ClusterSnapshot.Master> masters = new ArrayList<>();
    view.masters().forEach(m -> masters.add(master(m)));
    Optional<ClusterSnapshot.Master> leader = view.leader().map(SnapshotConverter::master);
    List<ClusterSnapshot.Agent> agents = new ArrayList<>();
    for (AgentState a : view.agents()) {
      String ip = ipOf(a.getAgentInfo().getHostname());
      if (!ip.isEmpty()) {
        agents.add(new ClusterSnapshot.Agent(a.getAgentInfo().getId().getValue(), ip));
      }
    }
    List<ClusterSnapshot.Framework> frameworks = new ArrayList<>();
    for (FrameworkState f : view.frameworks()) {
      frameworks.add(
          new ClusterSnapshot.Framework(
              f.getFrameworkInfo().getId().getValue(),
              f.getFrameworkInfo().getName(),
              ipOf(f.getFrameworkInfo().getHostname())));
    }
    List<ClusterSnapshot.Task> tasks = new ArrayList<>();
    for (Task t : view.tasks()) {
      tasks.add(task(t));
    }
    return new ClusterSnapshot(masters, leader, agents, frameworks, tasks);
  }

  private static ClusterSnapshot.Master master(MasterInfo m) {
    return new ClusterSnapshot.Master(m.getAddress().getIp(), m.getPort());
  }

  static ClusterSnapshot.Task task(Task t) {
    return new ClusterSnapshot.Task(
        t.getTaskId().getValue(),
        t.getName(),
        t.getFrameworkId().getValue(),
        t.getAgentId().getValue(),
        t.getState() == TaskState.TASK_RUNNING,
        ips(t),
        ports(t));
  }

  private static List<String> ips(Task t) {
    List<TaskStatus> statuses = t.getStatusesList();
    for (int i = statuses.size() - 1; i >= 0; i--) {
      List<String> ips = new ArrayList<>();
      for (NetworkInfo n : statuses.get(i).getContainerStatus().getNetworkInfosList()) {
        n.getIpAddressesList().forEach(a -> ips.add(a.getIpAddress()));
      }
      ips.removeIf(String::isEmpty);
      if (!ips.isEmpty()) {
        return ips;
      }
    }
    return List.of();
  }

  private static List<ClusterSnapshot.Port> ports(Task t) {
    List<ClusterSnapshot.Port> named = new ArrayList<>();
    List<ClusterSnapshot.Port> unnamed = new ArrayList<>();
    for (Port p : t.getDiscovery().getPorts().getPortsList()) {
      ClusterSnapshot.Port port =
          new ClusterSnapshot.Port(p.getNumber(), p.getName(), protocol(p.getProtocol()));
      (p.getName().isEmpty() ? unnamed : named).add(port);
    }
    named.addAll(unnamed);
    if (!named.isEmpty()) {
      return named;
    }
    for (Resource r : t.getResourcesList()) {
      if (r.getName().equals("ports") && r.getType() == Value.Type.RANGES) {
        for (Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd() && named.size() < 1024; p++) {
            named.add(new ClusterSnapshot.Port((int) p, "", "tcp"));
          }
        }
      }
    }
    return named;
  }

  private static String protocol(String p) {
    return p.equalsIgnoreCase("udp") ? "udp" : "tcp";
  }

  /** An IP literal as it is; a host name resolved by the system resolver, else empty. */
  static String ipOf(String host) {
    if (host.isEmpty() || IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
      return host;
    }
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      return "";
    }
  }
}
