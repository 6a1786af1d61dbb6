package io.dcos.dns.resolver;

import io.dcos.dns.records.RecordSet;
import io.dcos.dns.records.Srv;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Answers one DNS packet: names in the cluster's domain from the current record set (authoritative,
 * NXDOMAIN for unknown names, SOA and NS at the apex), other names through the upstream. Invariant:
 * never throws on any input; a packet it cannot parse gets FORMERR or no answer at all.
 */
public final class Resolver {
  private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
  static final int CLASSIC_UDP_SIZE = 512;
  static final int TCP_SIZE = 65535;

  /** How the query arrived, which bounds the answer's size. */
  public enum Transport {
    UDP,
    TCP
  }

  /** Zone settings: TTL, name-server address, SOA contact and the largest UDP answer we send. */
  public record Settings(Duration ttl, String nameServerIp, String soaRname, int ednsSize) {}

  private final RecordStore store;
  private final QueryStats stats;
  private final Upstream upstream;
  private final Settings settings;
  private final Name origin;
  private final Name ns;
  private final Name rname;

  public Resolver(RecordStore store, Upstream upstream, Settings settings) {
    this(store, upstream, settings, new QueryStats());
  }

  public Resolver(RecordStore store, Upstream upstream, Settings settings, QueryStats stats) {
    this.stats = stats;
    this.store = store;
    this.upstream = upstream;
    this.settings = settings;
    try {
      origin = Name.fromString(store.current().records().domain() + ".");
      ns = Name.fromString("ns1", origin);
      rname = Name.fromString(settings.soaRname(), origin);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("invalid domain: " + e.getMessage(), e);
    }
  }

  /** The answer's wire format, or null when the packet is dropped. */
  public byte[] answer(byte[] packet, Transport transport) {
    byte[] wire = answerPacket(packet, transport);
    if (wire == null) {
      stats.countDropped();
    } else {
      stats.answered(transport, wire);
    }
    return wire;
  }

  public QueryStats stats() {
    return stats;
  }

  private byte[] answerPacket(byte[] packet, Transport transport) {
    Message query;
    try {
      query = new Message(packet);
    } catch (IOException | RuntimeException e) {
      return formErr(packet);
    }
    try {
      if (query.getHeader().getFlag(Flags.QR)) {
        return null;
      }
      Message response = resolve(query);
      int max = maxSize(query, transport);
      return response.toWire(max);
    } catch (RuntimeException e) {
      LOG.debug("cannot answer a query: {}", e.toString());
      return formErr(packet);
    }
  }

  private int maxSize(Message query, Transport transport) {
    if (transport == Transport.TCP) {
      return TCP_SIZE;
    }
    OPTRecord opt = query.getOPT();
    if (opt == null) {
      return CLASSIC_UDP_SIZE;
    }
    return Math.max(CLASSIC_UDP_SIZE, Math.min(opt.getPayloadSize(), settings.ednsSize()));
  }

  private static byte[] formErr(byte[] packet) {
    if (packet.length < Header.LENGTH) {
      return null;
    }
    int flags = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
    if ((flags & 0x8000) != 0) {
      return null;
    }
    Header h = new Header(((packet[0] & 0xff) << 8) | (packet[1] & 0xff));
    h.setFlag(Flags.QR);
    h.setRcode(Rcode.FORMERR);
    Message m = new Message();
    m.setHeader(h);
    return m.toWire();
  }

  /** The response to a parsed query. */
  public Message resolve(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header h = response.getHeader();
    h.setFlag(Flags.QR);
    h.setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      h.setFlag(Flags.RD);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      response.addRecord(new OPTRecord(settings.ednsSize(), 0, 0), Section.ADDITIONAL);
    }
    Record question = query.getQuestion();
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      h.setRcode(Rcode.NOTIMP);
      return response;
    }
    if (question == null || query.getSection(Section.QUESTION).size() != 1) {
      h.setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    Name name = question.getName();
    if (!name.subdomain(origin)) {
      return forward(query, response);
    }
    h.setFlag(Flags.AA);
    if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
      h.setRcode(Rcode.REFUSED);
      return response;
    }
    answerInZone(response, name, question.getType());
    return response;
  }

  private Message forward(Message query, Message local) {
    try {
      stats.countForwarded();
      Message answer = upstream.forward(query);
      answer.getHeader().setID(query.getHeader().getID());
      answer.getHeader().setFlag(Flags.RA);
      return answer;
    } catch (IOException | RuntimeException e) {
      LOG.debug("upstream failed for {}: {}", query.getQuestion().getName(), e.toString());
      local.getHeader().setRcode(Rcode.SERVFAIL);
      return local;
    }
  }

  private void answerInZone(Message response, Name name, int type) {
    RecordStore.Zone zone = store.current();
    RecordSet records = zone.records();
    long ttl = settings.ttl().toSeconds();
    String key = name.toString(true).toLowerCase(Locale.ROOT);
    boolean apex = name.equals(origin);
    boolean nsName = name.equals(ns);
    boolean any = type == Type.ANY;
    boolean exists = apex || nsName || records.exists(key);
    if (!exists) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
      response.addRecord(soa(zone), Section.AUTHORITY);
      return;
    }
    if (apex && (type == Type.SOA || any)) {
      response.addRecord(soa(zone), Section.ANSWER);
    }
    if (apex && (type == Type.NS || any)) {
      response.addRecord(new NSRecord(origin, DClass.IN, ttl, ns), Section.ANSWER);
    }
    if (nsName && (type == Type.A || type == Type.AAAA || any)) {
      addAddresses(response, Section.ANSWER, name, List.of(settings.nameServerIp()), type, ttl);
    }
    if (type == Type.A || type == Type.AAAA || any) {
      addAddresses(response, Section.ANSWER, name, records.a(key), type, ttl);
      addAddresses(response, Section.ANSWER, name, records.aaaa(key), type, ttl);
    }
    if (type == Type.SRV || any) {
      for (Srv srv : records.srv(key)) {
        Name target = absolute(srv.target());
        response.addRecord(
            new SRVRecord(name, DClass.IN, ttl, 0, 1, srv.port(), target), Section.ANSWER);
        addAddresses(response, Section.ADDITIONAL, target, records.a(srv.target()), Type.A, ttl);
        addAddresses(
            response, Section.ADDITIONAL, target, records.aaaa(srv.target()), Type.AAAA, ttl);
      }
    }
    if (response.getSection(Section.ANSWER).isEmpty()) {
      response.addRecord(soa(zone), Section.AUTHORITY);
    } else if (!apex) {
      response.addRecord(new NSRecord(origin, DClass.IN, ttl, ns), Section.AUTHORITY);
    }
  }

  private static void addAddresses(
      Message response, int section, Name name, List<String> ips, int type, long ttl) {
    for (String ip : ips) {
      InetAddress address;
      try {
        address = InetAddress.getByName(ip);
      } catch (UnknownHostException e) {
        continue;
      }
      byte[] raw = address.getAddress();
      Record r;
      if (raw.length == 4 && (type == Type.A || type == Type.ANY)) {
        r = new ARecord(name, DClass.IN, ttl, address);
      } else if (raw.length == 16 && (type == Type.AAAA || type == Type.ANY)) {
        r = new AAAARecord(name, DClass.IN, ttl, address);
      } else {
        continue;
      }
      if (!response.findRecord(r, section)) {
        response.addRecord(r, section);
      }
    }
  }

  private SOARecord soa(RecordStore.Zone zone) {
    long ttl = settings.ttl().toSeconds();
    return new SOARecord(origin, DClass.IN, ttl, ns, rname, zone.serial(), 60, 600, 86400, ttl);
  }

  private static Name absolute(String name) {
    try {
      return Name.fromString(name + ".");
    } catch (TextParseException e) {
      throw new IllegalStateException("invalid name in the zone: " + name, e);
    }
  }
}
