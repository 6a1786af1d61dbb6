package io.dcos.marathon.core.launch;

import io.dcos.marathon.core.model.AppDefinition;
import java.time.Duration;

/**
 * One line of {@code GET /v2/queue}: an app with instances waiting to be launched. {@code overdue}
 * is true when the backoff has passed and the instances still wait (for offers). Invariant: {@code
 * count > 0}.
 */
public record QueueEntry(AppDefinition app, int count, Duration timeLeft, boolean overdue) {
  public QueueEntry {
    if (count <= 0) {
      throw new IllegalArgumentException("a queue entry waits for at least one instance");
    }
  }
}
