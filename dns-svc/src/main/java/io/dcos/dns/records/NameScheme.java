package io.dcos.dns.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mesos-DNS's names, as a pure function of a cluster snapshot: tasks ({@code
 * <task>.<framework>.<domain>}, {@code <task>.<framework>.slave.<domain>}, {@code
 * _<task>._tcp.<framework>.<domain>}), frameworks, masters, the leader and agents. Only running
 * tasks are published. Invariant: the same snapshot gives the same record set.
 */
public final class NameScheme {
  private final String domain;

  public NameScheme(String domain) {
    this.domain = normalizeDomain(domain);
  }

  /** The domain lower-cased, without leading or trailing dots. */
  public static String normalizeDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    while (d.startsWith(".")) {
      d = d.substring(1);
    }
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

  public String domain() {
    return domain;
  }

  public RecordSet build(ClusterSnapshot s) {
    Builder b = new Builder();
    Map<String, ClusterSnapshot.Agent> agents = new HashMap<>();
    for (ClusterSnapshot.Agent agent : s.agents()) {
      agents.put(agent.id(), agent);
      b.address("slave." + domain, agent.ip());
      b.address("agent." + domain, agent.ip());
    }
    Map<String, String> frameworkNames = new HashMap<>();
    for (ClusterSnapshot.Framework f : s.frameworks()) {
      String name = Labels.cleanDomainPart(f.name());
      if (name.isEmpty()) {
        continue;
      }
      frameworkNames.put(f.id(), name);
      if (!f.hostIp().isEmpty()) {
        b.address(name + "." + domain, f.hostIp());
      }
    }
    int n = 1;
    for (ClusterSnapshot.Master m : s.masters()) {
      b.address("master." + domain, m.ip());
      b.address("master" + n + "." + domain, m.ip());
      n++;
    }
    Optional<ClusterSnapshot.Master> leader = s.leader();
    if (leader.isPresent()) {
      String name = "leader." + domain;
      b.address(name, leader.get().ip());
      b.srv("_leader._tcp." + domain, new Srv(name, leader.get().port()));
      b.srv("_leader._udp." + domain, new Srv(name, leader.get().port()));
      if (s.masters().isEmpty()) {
        b.address("master." + domain, leader.get().ip());
      }
    }
    for (ClusterSnapshot.Task t : s.tasks()) {
      String framework = frameworkNames.get(t.frameworkId());
      ClusterSnapshot.Agent agent = agents.get(t.agentId());
      if (!t.running() || framework == null || agent == null) {
        continue;
      }
      for (String task : taskLabels(t.name())) {
        String taskName = task + "." + framework + "." + domain;
        String agentName = task + "." + framework + ".slave." + domain;
        if (t.ips().isEmpty()) {
          b.address(taskName, agent.ip());
        } else {
          t.ips().forEach(ip -> b.address(taskName, ip));
        }
        b.address(agentName, agent.ip());
        for (ClusterSnapshot.Port p : t.ports()) {
          String proto = "udp".equalsIgnoreCase(p.protocol()) ? "_udp" : "_tcp";
          Srv target = new Srv(agentName, p.number());
          b.srv("_" + task + "." + proto + "." + framework + "." + domain, target);
          String portName = Labels.clean(p.name());
          if (!portName.isEmpty()) {
            b.srv(
                "_" + portName + "._" + task + "." + proto + "." + framework + "." + domain,
                target);
          }
        }
      }
    }
    return b.build();
  }

  /**
   * The names a task is published under: its name as one cleaned label ("hello.web" becomes
   * "hello-web", as Mesos-DNS does), and, for a dotted name such as Marathon gives the app {@code
   * /web/hello}, the dotted form DC/OS documents ({@code hello.web.marathon.mesos}).
   */
  static List<String> taskLabels(String name) {
    String label = Labels.clean(name);
    String dotted = Labels.cleanDomainPart(name);
    if (label.isEmpty()) {
      return List.of();
    }
    return dotted.equals(label) || dotted.isEmpty() ? List.of(label) : List.of(label, dotted);
  }

  private final class Builder {
    private final Map<String, Set<String>> a = new LinkedHashMap<>();
    private final Map<String, Set<String>> aaaa = new LinkedHashMap<>();
    private final Map<String, Set<Srv>> srv = new LinkedHashMap<>();

    void address(String name, String ip) {
      if (ip == null || ip.isEmpty()) {
        return;
      }
      Map<String, Set<String>> target = ip.indexOf(':') >= 0 ? aaaa : a;
      target.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(ip);
    }

    void srv(String name, Srv value) {
      srv.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
    }

    RecordSet build() {
      return new RecordSet(domain, lists(a), lists(aaaa), lists(srv));
    }

    private <T> Map<String, List<T>> lists(Map<String, Set<T>> m) {
      Map<String, List<T>> out = new HashMap<>();
      m.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
      return out;
    }
  }
}
