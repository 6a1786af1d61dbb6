package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.ReadinessCheck;
import io.dcos.marathon.server.scheduling.ServiceScheduler.ReadinessResponse;
import io.dcos.marathon.server.scheduling.ServiceScheduler.ReadinessResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Readiness checks, run by marathon-svc over HTTP against new tasks during deployments: a task is
 * ready once every check of its app answered one of the ready status codes. Invariant: state is
 * touched only on the scheduler loop; HTTP answers are posted back to it.
 */
final class ReadinessChecks {
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final Map<Key, ReadinessResult> results = new HashMap<>();
  private final Map<Key, Instant> lastSent = new HashMap<>();
  private final Set<Key> inFlight = new HashSet<>();

  /** An instance whose readiness is checked, with the app version it runs. */
  record Target(AppDefinition app, Instance instance) {}

  private record Key(InstanceId instance, String check) {}

  ReadinessChecks(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Sends the checks that are due; answers are applied through {@code post}. */
  void poll(Supplier<List<Target>> targets, Consumer<Runnable> post) {
    Instant now = clock.instant();
    Set<InstanceId> live = new HashSet<>();
    for (Target t : targets.get()) {
      live.add(t.instance().id());
      for (ReadinessCheck check : t.app().readinessChecks()) {
        Key key = new Key(t.instance().id(), check.name());
        Instant last = lastSent.get(key);
        if (inFlight.contains(key)
            || (last != null && now.isBefore(last.plus(check.interval())))
            || (results.containsKey(key) && results.get(key).ready())) {
          continue;
        }
        Optional<URI> uri = uri(t, check);
        if (uri.isEmpty()) {
          continue;
        }
        inFlight.add(key);
        lastSent.put(key, now);
        HttpRequest request =
            HttpRequest.newBuilder(uri.get())
                .timeout(check.timeout() != null ? check.timeout() : timeout)
                .GET()
                .build();
        String taskId = t.instance().taskId();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .whenComplete(
                (response, error) ->
                    post.accept(
                        () -> {
                          inFlight.remove(key);
                          boolean ready =
                              error == null
                                  && check
                                      .httpStatusCodesForReady()
                                      .contains(response.statusCode());
                          Optional<ReadinessResponse> last2 =
                              error == null && check.preserveLastResponse()
                                  ? Optional.of(
                                      new ReadinessResponse(
                                          response.statusCode(),
                                          response.headers().firstValue("Content-Type").orElse(""),
                                          response.body()))
                                  : Optional.empty();
                          results.put(key, new ReadinessResult(check.name(), taskId, ready, last2));
                        }));
      }
    }
    results.keySet().removeIf(k -> !live.contains(k.instance()) && !inFlight.contains(k));
    lastSent.keySet().removeIf(k -> !live.contains(k.instance()));
  }

  /** True when every check of the instance passed. */
  boolean ready(InstanceId instance) {
    List<ReadinessResult> mine = new ArrayList<>();
    results.forEach(
        (k, v) -> {
          if (k.instance().equals(instance)) {
            mine.add(v);
          }
        });
    return !mine.isEmpty() && mine.stream().allMatch(ReadinessResult::ready);
  }

  /** The latest results of the instances of {@code apps}. */
  List<ReadinessResult> results(List<PathId> apps) {
    List<ReadinessResult> out = new ArrayList<>();
    results.forEach(
        (k, v) -> {
          if (apps.contains(k.instance().appId())) {
            out.add(v);
          }
        });
    return out;
  }

  private static Optional<URI> uri(Target t, ReadinessCheck check) {
    List<String> names = ResourceRequests.portNames(t.app());
    int index = check.portName() == null ? 0 : names.indexOf(check.portName());
    List<Integer> ports = t.instance().hostPorts();
    if (index < 0 || index >= ports.size()) {
      return Optional.empty();
    }
    String scheme = "HTTPS".equalsIgnoreCase(check.protocol()) ? "https" : "http";
    String path = check.path() == null ? "/" : check.path();
    return Optional.of(
        URI.create(
            scheme + "://" + t.instance().agent().hostname() + ":" + ports.get(index) + path));
  }
}
