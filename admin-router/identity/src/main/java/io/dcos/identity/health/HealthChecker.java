package io.dcos.identity.health;

import io.dcos.identity.config.HealthProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Asks every configured health endpoint at once; a component that does not answer within the
 * timeout is down, so one slow node never delays the report beyond that timeout.
 */
@Component
public class HealthChecker {
  private final HealthProperties properties;
  private final HttpClient http;

  public HealthChecker(HealthProperties properties, HttpClient healthHttpClient) {
    this.properties = properties;
    this.http = healthHttpClient;
  }

  public HealthReport check() {
    List<CompletableFuture<HealthReport.Check>> pending =
        properties.components().stream().map(this::check).toList();
    return HealthReport.of(pending.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<HealthReport.Check> check(HealthProperties.Component c) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(c.url())).timeout(properties.timeout()).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(r -> ComponentStatus.ofHttpStatus(r.statusCode()))
        .exceptionally(e -> ComponentStatus.DOWN)
        .thenApply(s -> new HealthReport.Check(c.name(), c.node(), c.role(), s));
  }
}
