package io.dcos.kernel.sdk.events;

import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.sdk.Scheduler;
import java.util.OptionalInt;

/**
 * Turns one scheduler {@link Event} into the matching {@link Scheduler} callback. HEARTBEAT and
 * unknown events call nothing: heartbeats only prove the connection is alive.
 */
public final class EventDispatcher {
  private EventDispatcher() {}

  public static void dispatch(Event event, Scheduler scheduler) {
    switch (event.getType()) {
      case SUBSCRIBED ->
          scheduler.subscribed(
              event.getSubscribed().getFrameworkId(), event.getSubscribed().getMasterInfo());
      case OFFERS -> scheduler.offers(event.getOffers().getOffersList());
      case RESCIND -> scheduler.rescinded(event.getRescind().getOfferId());
      case UPDATE -> scheduler.update(event.getUpdate().getStatus());
      case MESSAGE ->
          scheduler.message(
              event.getMessage().getAgentId(),
              event.getMessage().getExecutorId(),
              event.getMessage().getData().toByteArray());
      case FAILURE -> {
        Event.Failure f = event.getFailure();
        scheduler.failure(
            f.getAgentId(),
            f.getExecutorId(),
            f.hasStatus() ? OptionalInt.of(f.getStatus()) : OptionalInt.empty());
      }
      case ERROR -> scheduler.error(event.getError().getMessage());
      default -> {
        // HEARTBEAT and types this SDK does not know.
      }
    }
  }
}
