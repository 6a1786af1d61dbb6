package io.dcos.marathon.server.events;

import java.util.function.Consumer;

/**
 * The in-process event bus: publishers never block on subscribers; each subscriber receives events
 * in publication order on its own delivery thread.
 */
public interface EventBus {
  /** Hands the event to every current subscriber. */
  void publish(MarathonEvent event);

  /**
   * Registers a subscriber. {@code onOverflow} runs once if the subscriber falls too far behind; it
   * is then unsubscribed.
   */
  Subscription subscribe(Consumer<MarathonEvent> subscriber, Runnable onOverflow);

  /** A registration; closing it stops delivery. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
