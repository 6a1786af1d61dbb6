package io.dcos.dns.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.resolver.Upstream;
import io.dcos.dns.server.DnsServer;
import io.dcos.dns.server.Servers;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Names outside the domain go to the upstream resolver, over UDP and TCP. */
class ForwardingTest {
  DnsServer upstream;
  DnsServer server;

  @BeforeEach
  void start() throws Exception {
    upstream = Servers.start("127.1.53.71", "example", "corp", "www", "192.0.2.80", Upstream.NONE);
    UpstreamForwarder forwarder =
        new UpstreamForwarder(
            List.of("127.1.53.72:" + upstream.port(), "127.1.53.71:" + upstream.port()),
            Duration.ofMillis(500));
    server = Servers.start("127.1.53.70", "mesos", "marathon", "web", "127.0.0.9", forwarder);
  }

  @AfterEach
  void stop() {
    server.close();
    upstream.close();
  }

  static Message query(String name) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, 1));
  }

  @Test
  void forwardsOtherNamesSkippingADeadResolver() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.1.53.70"))) {
      InetSocketAddress to = new InetSocketAddress("127.1.53.70", server.port());
      Message q = query("www.corp.example.");
      Message a = Servers.udp(s, to, q.toWire());
      assertThat(a.getHeader().getID()).isEqualTo(q.getHeader().getID());
      assertThat(a.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.80");
      Message nx = Servers.udp(s, to, query("gone.corp.example.").toWire());
      assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
      Message local = Servers.udp(s, to, query("web.marathon.mesos.").toWire());
      assertThat(local.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("127.0.0.9");
    }
  }

  @Test
  void answersOverTcp() throws Exception {
    SimpleResolver tcp = new SimpleResolver(new InetSocketAddress("127.1.53.70", server.port()));
    tcp.setTCP(true);
    tcp.setTimeout(Duration.ofSeconds(2));
    Message a = tcp.send(query("www.corp.example."));
    assertThat(a.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.80");
  }
}
