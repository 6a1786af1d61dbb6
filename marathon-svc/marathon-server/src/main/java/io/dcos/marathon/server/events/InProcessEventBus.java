package io.dcos.marathon.server.events;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} with one bounded buffer per subscriber, drained on a shared executor. A
 * subscriber whose buffer overflows is told once and dropped, so a slow client never slows the
 * scheduler or the other clients.
 */
public final class InProcessEventBus implements EventBus {
  private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

  private final CopyOnWriteArrayList<Sink> sinks = new CopyOnWriteArrayList<>();
  private final Executor executor;
  private final int bufferSize;

  public InProcessEventBus(Executor executor, int bufferSize) {
    this.executor = executor;
    this.bufferSize = bufferSize;
  }

  @Override
  public void publish(MarathonEvent event) {
    for (Sink sink : sinks) {
      sink.offer(event);
    }
  }

  @Override
  public Subscription subscribe(Consumer<MarathonEvent> subscriber, Runnable onOverflow) {
    Sink sink = new Sink(subscriber, onOverflow);
    sinks.add(sink);
    return sink;
  }

  /** How many subscribers are registered. */
  public int subscribers() {
    return sinks.size();
  }

  private final class Sink implements Subscription {
    private final Consumer<MarathonEvent> subscriber;
    private final Runnable onOverflow;
    private final Queue<MarathonEvent> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    Sink(Consumer<MarathonEvent> subscriber, Runnable onOverflow) {
      this.subscriber = subscriber;
      this.onOverflow = onOverflow;
    }

    void offer(MarathonEvent event) {
      if (closed.get()) {
        return;
      }
      if (size.incrementAndGet() > bufferSize) {
        close();
        executor.execute(onOverflow);
        return;
      }
      buffer.add(event);
      schedule();
    }

    private void schedule() {
      if (draining.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }

    private void drain() {
      try {
        MarathonEvent next;
        while (!closed.get() && (next = buffer.poll()) != null) {
          size.decrementAndGet();
          try {
            subscriber.accept(next);
          } catch (RuntimeException e) {
            log.debug("event subscriber failed; dropping it", e);
            close();
          }
        }
      } finally {
        draining.set(false);
      }
      if (!closed.get() && !buffer.isEmpty()) {
        schedule();
      }
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        sinks.remove(this);
        buffer.clear();
      }
    }
  }
}
