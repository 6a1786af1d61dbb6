package io.dcos.marathon.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Follows marathon-svc's {@code /v2/events} stream ({@code status_update_event} only) and counts,
 * per app, the TASK_RUNNING updates received and when the n-th arrived. Invariant: the counts only
 * grow; times are {@link System#nanoTime()} at receipt.
 */
final class RunningWatch implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> targets = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean attached;

  RunningWatch(String baseUrl) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/v2/events?event_type=status_update_event"))
            .header("Accept", "text/event-stream")
            .build();
    reader =
        new Thread(
            () -> {
              try {
                HttpResponse<Stream<String>> r =
                    client.send(request, HttpResponse.BodyHandlers.ofLines());
                attached = r.statusCode() == 200;
                r.body().forEach(this::line);
              } catch (Exception e) {
                attached = false;
              }
            },
            "events-reader");
    reader.setDaemon(true);
    reader.start();
  }

  boolean attached() {
    return attached;
  }

  /** Starts counting {@code appId}'s TASK_RUNNING updates; the {@code target}-th is timed. */
  void expect(String appId, int target) {
    targets.put(appId, target);
    running.put(appId, new AtomicInteger());
    lastAt.put(appId, new AtomicLong());
  }

  int running(String appId) {
    AtomicInteger n = running.get(appId);
    return n == null ? 0 : n.get();
  }

  /** When the target-th TASK_RUNNING of {@code appId} arrived, or 0 if not yet. */
  long targetReachedAt(String appId) {
    AtomicLong t = lastAt.get(appId);
    return t == null ? 0 : t.get();
  }

  private void line(String line) {
    if (!line.startsWith("data:")) {
      return;
    }
    try {
      JsonNode event = MAPPER.readTree(line.substring("data:".length()));
      if (!"TASK_RUNNING".equals(event.path("taskStatus").asText())) {
        return;
      }
      String app = event.path("appId").asText();
      AtomicInteger n = running.get(app);
      if (n != null && n.incrementAndGet() == targets.get(app)) {
        lastAt.get(app).set(System.nanoTime());
      }
    } catch (Exception e) {
      // Not an event of interest.
    }
  }

  @Override
  public void close() {
    reader.interrupt();
  }
}
