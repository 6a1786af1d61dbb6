package io.dcos.jobs.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.jobs.engine.RunFailure;
import io.dcos.jobs.engine.RunFailureListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts {@link FailureNotice} bodies as JSON to one HTTP endpoint (Chronos's {@code
 * --http_notification_url}), with basic authentication when credentials are given. Posts leave the
 * engine's thread for a single sender thread with a bounded queue; when it is full, notices are
 * dropped and logged rather than slowing the engine. Delivery is attempted once: a notice is lost
 * when the endpoint does not answer with 2xx or the leader dies before sending it.
 */
public final class HttpNotifier implements RunFailureListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI url;
  private final String authorization;
  private final String cluster;
  private final Duration timeout;
  private final HttpClient client;
  private final ThreadPoolExecutor sender;

  /**
   * @param credentials {@code user:password} for basic authentication, or blank for none
   */
  public HttpNotifier(
      URI url, String credentials, String cluster, Duration timeout, int queueCapacity) {
    this.url = url;
    this.authorization =
        credentials == null || credentials.isBlank()
            ? ""
            : "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.cluster = cluster;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "chronos-notifier");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void runFailed(RunFailure failure) {
    for (Map<String, String> body : FailureNotice.bodies(failure, cluster)) {
      try {
        sender.execute(() -> post(body));
      } catch (RejectedExecutionException e) {
        LOG.warn("notification for job {} dropped: the queue is full", failure.job().id());
      }
    }
  }

  private void post(Map<String, String> body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      HttpResponse<Void> r = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2) {
        LOG.warn("notification for job {} answered {}", body.get("job"), r.statusCode());
      }
    } catch (JsonProcessingException e) {
      LOG.warn("notification for job {} not encoded: {}", body.get("job"), e.getMessage());
    } catch (IOException e) {
      LOG.warn("notification for job {} not delivered: {}", body.get("job"), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
