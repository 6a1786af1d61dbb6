package io.dcos.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.resolver.Upstream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Random and mutated packets never stop the UDP listener from answering valid queries. */
class DnsServerFuzzTest {
  private static DnsServer server;
  private static InetSocketAddress address;
  private static byte[] valid;

  @BeforeContainer
  static void start() throws Exception {
    server = Servers.start("127.1.53.73", "mesos", "marathon", "web", "127.0.0.9", Upstream.NONE);
    address = new InetSocketAddress(InetAddress.getByName("127.1.53.73"), server.port());
    valid =
        Message.newQuery(Record.newRecord(Name.fromString("web.marathon.mesos."), Type.A, 1))
            .toWire();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Provide
  Arbitrary<byte[]> packets() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    Arbitrary<byte[]> mutated =
        Arbitraries.integers()
            .between(0, 31)
            .list()
            .ofMinSize(1)
            .ofMaxSize(6)
            .flatMap(
                positions ->
                    Arbitraries.bytes()
                        .list()
                        .ofSize(positions.size())
                        .map(
                            values -> {
                              byte[] p = valid.clone();
                              for (int i = 0; i < positions.size(); i++) {
                                p[positions.get(i) % p.length] = values.get(i);
                              }
                              return p;
                            }));
    Arbitrary<byte[]> cut =
        Arbitraries.integers().between(0, 40).map(n -> java.util.Arrays.copyOf(valid, n));
    return Arbitraries.oneOf(random, mutated, cut);
  }

  @Property(tries = 300, seed = "42")
  void keepsAnsweringValidQueries(@ForAll("packets") byte[] junk) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.1.53.73"))) {
      socket.send(new DatagramPacket(junk, junk.length, address));
      try (DatagramSocket good = new DatagramSocket(0, InetAddress.getByName("127.1.53.73"))) {
        Message answer = Servers.udp(good, address, valid);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("127.0.0.9");
      }
    }
  }
}
