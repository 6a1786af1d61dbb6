package io.dcos.dns.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Asks a DNS server about a set of names every millisecond, over UDP from one socket, and notes
 * when each name first gives the expected outcome (an A answer, or NXDOMAIN). The time noted is
 * when that answer arrived, so it is late by at most one round of queries.
 */
final class NameProbe implements AutoCloseable {
  private static final long ROUND_NANOS = 1_000_000;

  /** What a name waits for, and when it happened (0 while pending). */
  private static final class Watch {
    final boolean wantAnswer;
    volatile long doneAt;

    Watch(boolean wantAnswer) {
      this.wantAnswer = wantAnswer;
    }
  }

  private final Map<String, Watch> watches = new ConcurrentHashMap<>();
  private final DatagramChannel channel;
  private final Selector selector;
  private final Thread thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private volatile boolean closed;

  NameProbe(InetSocketAddress server) throws IOException {
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(server.getAddress(), 0));
    channel.connect(server);
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    thread = new Thread(this::run, "name-probe");
    thread.setDaemon(true);
    thread.start();
  }

  void expectAnswer(String name) {
    watches.put(name, new Watch(true));
  }

  void expectNxdomain(String name) {
    watches.put(name, new Watch(false));
  }

  /** Waits for an A answer for {@code name}; returns when it arrived (System.nanoTime). */
  long awaitAnswer(String name, Duration within) throws InterruptedException {
    expectAnswer(name);
    return awaitDone(name, within);
  }

  /** Waits until the expected outcome for {@code name} was seen; returns when it arrived. */
  long awaitDone(String name, Duration within) throws InterruptedException {
    Watch w = watches.get(name);
    await("outcome for " + name)
        .atMost(within)
        .pollInterval(Duration.ofMillis(1))
        .until(() -> w.doneAt != 0);
    watches.remove(name, w);
    return w.doneAt;
  }

  long sent() {
    return sent.get();
  }

  long received() {
    return received.get();
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocate(65535);
    int id = 0;
    while (!closed) {
      long roundEnd = System.nanoTime() + ROUND_NANOS;
      try {
        for (Map.Entry<String, Watch> e : watches.entrySet()) {
          if (e.getValue().doneAt == 0) {
            Message q = Message.newQuery(Record.newRecord(Name.fromString(e.getKey()), Type.A, 1));
            q.getHeader().setID(id++ & 0xffff);
            channel.write(ByteBuffer.wrap(q.toWire()));
            sent.incrementAndGet();
          }
        }
        long left;
        while ((left = roundEnd - System.nanoTime()) > 0) {
          if (selector.select(Math.max(1, left / 1_000_000)) == 0) {
            continue;
          }
          selector.selectedKeys().clear();
          in.clear();
          while (channel.receive(in) != null) {
            long now = System.nanoTime();
            received.incrementAndGet();
            in.flip();
            byte[] wire = new byte[in.remaining()];
            in.get(wire);
            in.clear();
            note(new Message(wire), now);
          }
        }
      } catch (IOException e) {
        if (!closed) {
          System.out.println("probe: " + e);
        }
      }
    }
  }

  private void note(Message answer, long now) {
    Record question = answer.getQuestion();
    if (question == null) {
      return;
    }
    Watch w = watches.get(question.getName().toString());
    if (w == null || w.doneAt != 0) {
      return;
    }
    boolean hasA = answer.getSection(Section.ANSWER).stream().anyMatch(r -> r.getType() == Type.A);
    if (w.wantAnswer ? hasA : answer.getRcode() == Rcode.NXDOMAIN) {
      w.doneAt = now;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
    channel.close();
  }
}
