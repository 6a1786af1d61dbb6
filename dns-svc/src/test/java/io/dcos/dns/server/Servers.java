package io.dcos.dns.server;

import io.dcos.dns.records.ClusterSnapshot;
import io.dcos.dns.records.NameScheme;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.dns.resolver.Resolver;
import io.dcos.dns.resolver.Upstream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;

/** DNS servers for tests: a zone with one task, served on a loopback address. */
public final class Servers {
  private Servers() {}

  /** Serves {@code <task>.<framework>.<domain>} at {@code ip} on a free port. */
  public static DnsServer start(
      String ip, String domain, String framework, String task, String taskIp, Upstream upstream)
      throws IOException {
    ClusterSnapshot s =
        new ClusterSnapshot(
            List.of(),
            Optional.empty(),
            List.of(new ClusterSnapshot.Agent("a1", taskIp)),
            List.of(new ClusterSnapshot.Framework("f1", framework, "")),
            List.of(
                new ClusterSnapshot.Task(
                    "t1",
                    task,
                    "f1",
                    "a1",
                    true,
                    List.of(),
                    List.of(new ClusterSnapshot.Port(8080, "", "tcp")))));
    return serve(ip, domain, s, upstream);
  }

  /**
   * Serves the names of {@code cluster} at {@code ip} on a free port (EDNS0 answers up to 1232).
   */
  public static DnsServer serve(
      String ip, String domain, ClusterSnapshot cluster, Upstream upstream) throws IOException {
    RecordStore store = new RecordStore(new NameScheme(domain).build(cluster));
    Resolver resolver =
        new Resolver(
            store, upstream, new Resolver.Settings(Duration.ofSeconds(5), ip, "root.ns1", 1232));
    return new DnsServer(resolver, new InetSocketAddress(ip, 0), 2, Duration.ofSeconds(2)).start();
  }

  /** {@code n} agents at 10.9.x.y: {@code slave.<domain>} gets n A records. */
  public static ClusterSnapshot agents(int n) {
    List<ClusterSnapshot.Agent> agents = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      agents.add(new ClusterSnapshot.Agent("a" + i, "10.9." + (i / 250) + "." + (i % 250 + 1)));
    }
    return new ClusterSnapshot(List.of(), Optional.empty(), agents, List.of(), List.of());
  }

  /** Runs {@code command}, returns its output (stdout and stderr). */
  public static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  /** Sends a datagram and waits up to two seconds for the answer. */
  public static Message udp(DatagramSocket socket, InetSocketAddress to, byte[] packet)
      throws IOException {
    socket.setSoTimeout(2000);
    socket.send(new DatagramPacket(packet, packet.length, to));
    byte[] buf = new byte[65535];
    DatagramPacket in = new DatagramPacket(buf, buf.length);
    socket.receive(in);
    return new Message(java.util.Arrays.copyOf(buf, in.getLength()));
  }
}
