package io.dcos.dns.bench;

import io.dcos.dns.records.ClusterSnapshot;
import io.dcos.dns.records.NameScheme;
import io.dcos.dns.records.RecordSet;
import io.dcos.dns.records.Srv;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.dns.resolver.Resolver;
import io.dcos.dns.resolver.Upstream;
import io.dcos.dns.server.DnsServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a synthetic cluster (agents, one framework, running tasks with a port each) for the
 * dnsperf benchmark, and writes the same zone as unbound local-data plus a dnsperf query file.
 * Arguments: listen ip, port, task count, output folder, worker threads.
 */
public final class BenchZone {
  private BenchZone() {}

  public static void main(String[] args) throws Exception {
    String ip = args[0];
    int port = Integer.parseInt(args[1]);
    int tasks = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    int threads = Integer.parseInt(args[4]);
    List<ClusterSnapshot.Agent> agents = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      agents.add(new ClusterSnapshot.Agent("a" + i, "10.0." + (i / 250) + "." + (i % 250 + 1)));
    }
    List<ClusterSnapshot.Task> list = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      list.add(
          new ClusterSnapshot.Task(
              "t" + i,
              "app" + i,
              "f1",
              "a" + (i % agents.size()),
              true,
              List.of(),
              List.of(new ClusterSnapshot.Port(31000 + i % 1000, "", "tcp"))));
    }
    ClusterSnapshot.Master m = new ClusterSnapshot.Master("10.0.255.1", 5050);
    RecordSet records =
        new NameScheme("mesos")
            .build(
                new ClusterSnapshot(
                    List.of(m),
                    Optional.of(m),
                    agents,
                    List.of(new ClusterSnapshot.Framework("f1", "marathon", "")),
                    list));
    Files.createDirectories(out);
    List<String> unbound = new ArrayList<>();
    unbound.add("local-zone: \"mesos.\" static");
    records.allA().forEach((n, ips) -> ips.forEach(a -> unbound.add(data(n + ". 60 IN A " + a))));
    records
        .allSrv()
        .forEach(
            (n, srvs) -> {
              for (Srv s : srvs) {
                unbound.add(data(n + ". 60 IN SRV 0 1 " + s.port() + " " + s.target() + "."));
              }
            });
    Files.write(out.resolve("zone.conf"), unbound);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      queries.add("app" + i + ".marathon.mesos A");
      queries.add("_app" + i + "._tcp.marathon.mesos SRV");
    }
    Files.write(out.resolve("queries.txt"), queries);
    Resolver resolver =
        new Resolver(
            new RecordStore(records),
            Upstream.NONE,
            new Resolver.Settings(Duration.ofSeconds(60), ip, "root.ns1", 1232));
    DnsServer server =
        new DnsServer(resolver, new InetSocketAddress(ip, port), threads, Duration.ofSeconds(10))
            .start();
    Files.writeString(out.resolve("ready"), Integer.toString(server.port()));
    new CountDownLatch(1).await();
  }

  private static String data(String rr) {
    return "local-data: \"" + rr + "\"";
  }
}
