package io.dcos.dns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.dns.server.DnsServer;
import io.dcos.dns.server.Servers;
import io.dcos.dns.upstream.UpstreamForwarder;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Forwarding to a real resolver on a loopback address: unbound serves {@code corp.example.} on
 * 127.1.54.53, behind a resolver address where nothing listens. Names outside the cluster's domain
 * are answered by unbound; a forwarded answer too large for the client's datagram carries TC, and
 * the client's retry over TCP gets it whole.
 */
class UnboundForwardingIT {
  private static final String UNBOUND_IP = "127.1.54.53";
  private static final String DEAD_IP = "127.1.54.54";
  private static final String DNS_IP = "127.1.54.55";
  private static final int BIG = 80;

  Path dir;
  Process unbound;
  DnsServer dns;
  int unboundPort;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("dns-unbound-");
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(UNBOUND_IP))) {
      unboundPort = probe.getLocalPort();
    }
    List<String> conf = new ArrayList<>();
    conf.add("server:");
    conf.add("  interface: " + UNBOUND_IP);
    conf.add("  port: " + unboundPort);
    conf.add("  do-daemonize: no");
    conf.add("  username: \"\"");
    conf.add("  chroot: \"\"");
    conf.add("  directory: \"" + dir + "\"");
    conf.add("  pidfile: \"" + dir.resolve("unbound.pid") + "\"");
    conf.add("  use-syslog: no");
    conf.add("  logfile: \"" + dir.resolve("unbound.log") + "\"");
    conf.add("  num-threads: 1");
    conf.add("  do-ip6: no");
    conf.add("  access-control: 127.0.0.0/8 allow");
    conf.add("  local-zone: \"corp.example.\" static");
    conf.add("  local-data: \"www.corp.example. 60 IN A 192.0.2.80\"");
    for (int i = 1; i <= BIG; i++) {
      conf.add("  local-data: \"big.corp.example. 60 IN A 192.0.2." + i + "\"");
    }
    conf.add("remote-control:");
    conf.add("  control-enable: no");
    Files.write(dir.resolve("unbound.conf"), conf);
    unbound =
        new ProcessBuilder("unbound", "-d", "-c", dir.resolve("unbound.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("unbound.out").toFile())
            .start();
    UpstreamForwarder forwarder =
        new UpstreamForwarder(
            List.of(DEAD_IP + ":" + unboundPort, UNBOUND_IP + ":" + unboundPort),
            Duration.ofMillis(500));
    dns = Servers.start(DNS_IP, "mesos", "marathon", "web", "127.1.54.9", forwarder);
    SimpleResolver direct = new SimpleResolver(new InetSocketAddress(UNBOUND_IP, unboundPort));
    direct.setTimeout(Duration.ofMillis(500));
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> direct.send(query("www.corp.example.")).getRcode() == Rcode.NOERROR);
  }

  @AfterEach
  void stop() throws Exception {
    dns.close();
    unbound.destroyForcibly().waitFor();
  }

  static Message query(String name) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, 1));
  }

  @Test
  void namesOutsideTheDomainAreAnsweredByUnbound() throws Exception {
    String port = Integer.toString(dns.port());
    assertThat(Servers.run("dig", "@" + DNS_IP, "-p", port, "+short", "www.corp.example"))
        .isEqualTo("192.0.2.80\n");
    assertThat(Servers.run("dig", "@" + DNS_IP, "-p", port, "gone.corp.example"))
        .contains("status: NXDOMAIN");
    assertThat(Servers.run("dig", "@" + DNS_IP, "-p", port, "+short", "web.marathon.mesos"))
        .isEqualTo("127.1.54.9\n");
  }

  @Test
  void largeForwardedAnswersAreTruncatedOverUdpAndWholeOverTcp() throws Exception {
    String port = Integer.toString(dns.port());
    String udp =
        Servers.run("dig", "@" + DNS_IP, "-p", port, "+noedns", "+ignore", "big.corp.example");
    assertThat(udp).containsPattern("flags: qr[a-z ]* tc");
    String retried = Servers.run("dig", "@" + DNS_IP, "-p", port, "+noedns", "big.corp.example");
    assertThat(retried).contains("Truncated, retrying in TCP mode");

    SimpleResolver tcp = new SimpleResolver(new InetSocketAddress(DNS_IP, dns.port()));
    tcp.setTCP(true);
    tcp.setTimeout(Duration.ofSeconds(3));
    Message whole = tcp.send(query("big.corp.example."));
    assertThat(whole.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(whole.getSection(Section.ANSWER)).hasSize(BIG);
  }
}
