package io.dcos.marathon.server.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An event of the Marathon event stream. Serialized as JSON with its {@code eventType} and {@code
 * timestamp}; the type is the SSE event name.
 */
public interface MarathonEvent {
  /** Marathon's name of the event, such as {@code status_update_event}. */
  @JsonProperty("eventType")
  String eventType();

  /** When it happened. */
  Instant timestamp();
}
