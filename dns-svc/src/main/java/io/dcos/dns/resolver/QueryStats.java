package io.dcos.dns.resolver;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of queries answered, by transport and response code, and of truncated and forwarded
 * answers; read by the metrics endpoint. Invariant: counts only grow; updating them never blocks.
 */
public final class QueryStats {
  private static final int RCODES = 16;

  private final LongAdder[][] answers = new LongAdder[Resolver.Transport.values().length][RCODES];
  private final LongAdder truncated = new LongAdder();
  private final LongAdder forwarded = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  public QueryStats() {
    for (LongAdder[] byCode : answers) {
      for (int i = 0; i < RCODES; i++) {
        byCode[i] = new LongAdder();
      }
    }
  }

  /** Notes an answer from its wire form: response code and truncation bit are in the header. */
  void answered(Resolver.Transport transport, byte[] wire) {
    if (wire.length < 4) {
      return;
    }
    answers[transport.ordinal()][wire[3] & 0x0f].increment();
    if ((wire[2] & 0x02) != 0) {
      truncated.increment();
    }
  }

  void countForwarded() {
    forwarded.increment();
  }

  /** A packet that got no answer: unparseable, a response, or dropped while the server was busy. */
  public void countDropped() {
    dropped.increment();
  }

  public long answers(Resolver.Transport transport, int rcode) {
    return answers[transport.ordinal()][rcode].sum();
  }

  public long truncated() {
    return truncated.sum();
  }

  public long forwarded() {
    return forwarded.sum();
  }

  public long dropped() {
    return dropped.sum();
  }
}
