package io.dcos.kernel.master.core;

import io.dcos.kernel.protocol.operator.OperatorEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Subscribers of the operator event stream (DNS, the admin router, the UI). Each gets a snapshot
 * when it subscribes, then every change in order. A subscriber whose {@code send} returns false is
 * dropped (its stream is gone); all are closed when the master stops leading.
 */
public final class Observers {
  /** One subscriber's stream. */
  public interface Subscriber {
    /** Sends the event; false when the stream is gone. */
    boolean send(OperatorEvent event);

    /** Ends the stream, for example when this master stops leading. */
    void close(String reason);
  }

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  void add(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  public void remove(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** Builds the event only when someone listens: most masters have no operator subscriber. */
  void publish(java.util.function.Supplier<OperatorEvent> event) {
    if (subscribers.isEmpty()) {
      return;
    }
    publish(event.get());
  }

  void publish(OperatorEvent event) {
    for (Subscriber s : subscribers) {
      if (!s.send(event)) {
        subscribers.remove(s);
      }
    }
  }

  void closeAll(String reason) {
    for (Subscriber s : subscribers) {
      s.close(reason);
    }
    subscribers.clear();
  }

  public int count() {
    return subscribers.size();
  }
}
