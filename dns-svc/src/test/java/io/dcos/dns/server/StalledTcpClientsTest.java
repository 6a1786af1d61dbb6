package io.dcos.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.resolver.Upstream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** TCP clients that send half a query and stall do not keep others from being answered. */
class StalledTcpClientsTest {
  private static final String IP = "127.1.53.74";
  DnsServer server;
  final List<Socket> stalled = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = Servers.start(IP, "mesos", "marathon", "web", "127.0.0.9", Upstream.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : stalled) {
      s.close();
    }
    server.close();
  }

  @Test
  void udpAndNewTcpClientsAreAnsweredWhileOthersStall() throws Exception {
    for (int i = 0; i < 10; i++) {
      Socket s = new Socket(IP, server.port());
      OutputStream out = s.getOutputStream();
      out.write(new byte[] {0, 100, 0x12, 0x34, 0x01});
      out.flush();
      stalled.add(s);
    }
    Message q =
        Message.newQuery(Record.newRecord(Name.fromString("web.marathon.mesos."), Type.A, 1));
    try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName(IP))) {
      Message answer = Servers.udp(udp, new InetSocketAddress(IP, server.port()), q.toWire());
      assertThat(answer.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("127.0.0.9");
    }
    SimpleResolver tcp = new SimpleResolver(new InetSocketAddress(IP, server.port()));
    tcp.setTCP(true);
    tcp.setTimeout(Duration.ofSeconds(1));
    assertThat(tcp.send(q).getSection(Section.ANSWER).get(0).rdataToString())
        .isEqualTo("127.0.0.9");
  }
}
