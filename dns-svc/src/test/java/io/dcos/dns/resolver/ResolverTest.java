package io.dcos.dns.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.dns.records.ClusterSnapshot;
import io.dcos.dns.records.NameScheme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ResolverTest {
  static Resolver resolver(int tasks) {
    List<ClusterSnapshot.Task> list = new ArrayList<>();
    list.add(
        new ClusterSnapshot.Task(
            "web-1",
            "web",
            "f1",
            "a1",
            true,
            List.of("10.1.0.7", "fd00::7"),
            List.of(new ClusterSnapshot.Port(31000, "", "tcp"))));
    for (int i = 0; i < tasks; i++) {
      list.add(
          new ClusterSnapshot.Task(
              "big-" + i,
              "big",
              "f1",
              "a1",
              true,
              List.of("10.2." + (i / 250) + "." + (i % 250 + 1)),
              List.of()));
    }
    ClusterSnapshot s =
        new ClusterSnapshot(
            List.of(new ClusterSnapshot.Master("10.0.0.1", 5050)),
            Optional.of(new ClusterSnapshot.Master("10.0.0.1", 5050)),
            List.of(new ClusterSnapshot.Agent("a1", "10.0.0.11")),
            List.of(new ClusterSnapshot.Framework("f1", "marathon", "")),
            list);
    RecordStore store = new RecordStore(new NameScheme("mesos").build(s));
    return new Resolver(
        store,
        Upstream.NONE,
        new Resolver.Settings(Duration.ofSeconds(60), "127.0.0.1", "root.ns1", 1232));
  }

  final Resolver resolver = resolver(0);

  static Message query(String name, int type) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), type, 1));
  }

  Message ask(Message q, Resolver.Transport t) throws Exception {
    return new Message(resolver.answer(q.toWire(), t));
  }

  @ParameterizedTest
  @CsvSource({
    "web.marathon.mesos., A, NOERROR, 10.1.0.7",
    "WEB.Marathon.mesos., A, NOERROR, 10.1.0.7",
    "web.marathon.mesos., AAAA, NOERROR, fd00:0:0:0:0:0:0:7",
    "web.marathon.slave.mesos., A, NOERROR, 10.0.0.11",
    "leader.mesos., A, NOERROR, 10.0.0.1",
    "ns1.mesos., A, NOERROR, 127.0.0.1",
    "_web._tcp.marathon.mesos., SRV, NOERROR, 0 1 31000 web.marathon.slave.mesos.",
    "_leader._tcp.mesos., SRV, NOERROR, 0 1 5050 leader.mesos.",
    "mesos., NS, NOERROR, ns1.mesos.",
    "nothing.marathon.mesos., A, NXDOMAIN, ''",
    "leader.mesos., SRV, NOERROR, ''",
    "other.example., A, SERVFAIL, ''",
  })
  void answers(String name, String type, String rcode, String rdata) throws Exception {
    Message r = ask(query(name, Type.value(type)), Resolver.Transport.UDP);
    assertThat(Rcode.string(r.getRcode())).isEqualTo(rcode);
    List<String> answers =
        r.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    if (rdata.isEmpty()) {
      assertThat(answers).isEmpty();
    } else {
      assertThat(answers).containsExactly(rdata);
    }
  }

  @Test
  void authoritativeWithSoaOnNxdomainAndAtTheApex() throws Exception {
    Message nx = ask(query("nope.mesos.", Type.A), Resolver.Transport.UDP);
    assertThat(nx.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(nx.getSection(Section.AUTHORITY)).anyMatch(r -> r.getType() == Type.SOA);
    Message soa = ask(query("mesos.", Type.SOA), Resolver.Transport.UDP);
    assertThat(soa.getSection(Section.ANSWER).get(0).rdataToString())
        .startsWith("ns1.mesos. root.ns1.mesos.");
  }

  @Test
  void srvCarriesTheTargetAddress() throws Exception {
    Message r = ask(query("_web._tcp.marathon.mesos.", Type.SRV), Resolver.Transport.UDP);
    assertThat(r.getSection(Section.ADDITIONAL).stream().map(Record::rdataToString))
        .contains("10.0.0.11");
  }

  @Test
  void largeAnswersAreTruncatedOverUdpAndWholeOverTcp() throws Exception {
    Resolver big = resolver(200);
    Message q = query("big.marathon.mesos.", Type.A);
    byte[] udp = big.answer(q.toWire(), Resolver.Transport.UDP);
    assertThat(udp.length).isLessThanOrEqualTo(512);
    assertThat(new Message(udp).getHeader().getFlag(Flags.TC)).isTrue();
    Message tcp = new Message(big.answer(q.toWire(), Resolver.Transport.TCP));
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(200);
  }

  @Test
  void ednsSizeIsHonouredUpToTheConfiguredMaximum() throws Exception {
    Resolver forty = resolver(40);
    Message plain = query("big.marathon.mesos.", Type.A);
    byte[] small = forty.answer(plain.toWire(), Resolver.Transport.UDP);
    assertThat(new Message(small).getHeader().getFlag(Flags.TC)).isTrue();
    Message q = query("big.marathon.mesos.", Type.A);
    q.addRecord(new OPTRecord(1000, 0, 0), Section.ADDITIONAL);
    byte[] a = forty.answer(q.toWire(), Resolver.Transport.UDP);
    Message m = new Message(a);
    assertThat(a.length).isGreaterThan(512).isLessThanOrEqualTo(1000);
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(m.getSection(Section.ANSWER)).hasSize(40);
    assertThat(m.getOPT()).isNotNull();
    Message huge = query("big.marathon.mesos.", Type.A);
    huge.addRecord(new OPTRecord(65000, 0, 0), Section.ADDITIONAL);
    byte[] capped = resolver(200).answer(huge.toWire(), Resolver.Transport.UDP);
    assertThat(capped.length).isLessThanOrEqualTo(1232);
    assertThat(new Message(capped).getHeader().getFlag(Flags.TC)).isTrue();
  }

  @Test
  void malformedPacketsGetFormerrOrNothing() {
    assertThat(resolver.answer(new byte[] {1, 2, 3}, Resolver.Transport.UDP)).isNull();
    byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 9, 9};
    byte[] answer = resolver.answer(garbage, Resolver.Transport.UDP);
    assertThat(answer).isNotNull();
    assertThat(answer[0]).isEqualTo((byte) 0x12);
    assertThat(answer[3] & 0x0f).isEqualTo(Rcode.FORMERR);
  }
}
