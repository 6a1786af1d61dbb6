package io.dcos.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.resolver.Upstream;
import io.dcos.dns.server.DnsServer;
import io.dcos.dns.server.Servers;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Answers too large for a datagram, over the real listeners: UDP answers fit the client's size (512
 * bytes without EDNS0, its EDNS0 size up to the server's 1232) and carry TC; the same query over
 * TCP gets every record, and dig's own retry over TCP shows the whole set.
 */
class TruncationIT {
  private static final String IP = "127.1.53.60";
  private static final int AGENTS = 100;
  private static final int FEW_AGENTS = 60;
  private static DnsServer server;
  private static DnsServer smaller;

  @BeforeAll
  static void start() throws Exception {
    server = Servers.serve(IP, "mesos", Servers.agents(AGENTS), Upstream.NONE);
    smaller = Servers.serve(IP, "mesos", Servers.agents(FEW_AGENTS), Upstream.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
    smaller.close();
  }

  static Message query(int ednsSize) throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString("slave.mesos."), Type.A, 1));
    if (ednsSize > 0) {
      q.addRecord(new OPTRecord(ednsSize, 0, 0), Section.ADDITIONAL);
    }
    return q;
  }

  /** The raw UDP answer of the server with {@value #AGENTS} agents to {@code q}. */
  static byte[] udp(Message q) throws Exception {
    return udp(server, q);
  }

  static byte[] udp(DnsServer to, Message q) throws Exception {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(IP))) {
      s.setSoTimeout(2000);
      byte[] out = q.toWire();
      s.send(new DatagramPacket(out, out.length, new InetSocketAddress(IP, to.port())));
      byte[] in = new byte[65535];
      DatagramPacket p = new DatagramPacket(in, in.length);
      s.receive(p);
      return Arrays.copyOf(in, p.getLength());
    }
  }

  @Test
  void ednsSizesDecideWhetherAnAnswerFitsInADatagram() throws Exception {
    // 60 A records: about 1 KB.
    Message classic = new Message(udp(smaller, query(0)));
    assertThat(classic.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(classic.toWire().length).isLessThanOrEqualTo(512);
    Message small = new Message(udp(smaller, query(800)));
    assertThat(small.getHeader().getFlag(Flags.TC)).isTrue();
    byte[] fits = udp(smaller, query(1232));
    assertThat(fits.length).isGreaterThan(512).isLessThanOrEqualTo(1232);
    assertThat(new Message(fits).getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(new Message(fits).getSection(Section.ANSWER)).hasSize(FEW_AGENTS);
    assertThat(new Message(fits).getOPT().getPayloadSize()).isEqualTo(1232);

    // 100 A records: about 1.7 KB, more than the server sends in one datagram whatever is asked.
    byte[] capped = udp(query(65000));
    assertThat(capped.length).isLessThanOrEqualTo(1232);
    assertThat(new Message(capped).getHeader().getFlag(Flags.TC)).isTrue();
  }

  @Test
  void tcpCarriesTheWholeAnswer() throws Exception {
    SimpleResolver tcp = new SimpleResolver(new InetSocketAddress(IP, server.port()));
    tcp.setTCP(true);
    tcp.setTimeout(Duration.ofSeconds(2));
    Message answer = tcp.send(query(0));
    assertThat(answer.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(answer.getSection(Section.ANSWER)).hasSize(AGENTS);
  }

  @Test
  void digSeesTruncationOverUdpAndRetriesOverTcp() throws Exception {
    String port = Integer.toString(server.port());
    String truncated =
        Servers.run("dig", "@" + IP, "-p", port, "+noedns", "+ignore", "+time=2", "slave.mesos");
    assertThat(truncated).containsPattern("flags: qr aa tc");

    String retried = Servers.run("dig", "@" + IP, "-p", port, "+noedns", "+time=2", "slave.mesos");
    assertThat(retried).contains("Truncated, retrying in TCP mode");
    String whole = Servers.run("dig", "@" + IP, "-p", port, "+short", "+time=2", "slave.mesos");
    assertThat(whole.lines().filter(l -> l.startsWith("10.9."))).hasSize(AGENTS);
  }
}
