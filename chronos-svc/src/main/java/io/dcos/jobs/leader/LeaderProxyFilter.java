package io.dcos.jobs.leader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a follower, forwards every API request to the leader and relays its answer, so clients may
 * talk to any instance; answers 503 in the API's terms while no leader is known. Operational
 * endpoints ({@code /ping}, {@code /leader}, {@code /info}) are answered locally.
 */
public final class LeaderProxyFilter extends OncePerRequestFilter {
  private static final Set<String> LOCAL = Set.of("/ping", "/leader", "/info", "/error");
  private static final Set<String> HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect");
  private final Supplier<Boolean> leading;
  private final Supplier<Optional<String>> leader;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public LeaderProxyFilter(Supplier<Boolean> leading, Supplier<Optional<String>> leader) {
    this.leading = leading;
    this.leader = leader;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return LOCAL.contains(request.getRequestURI())
        || request.getHeader("X-Chronos-Proxied") != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (leading.get()) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> target = leader.get();
    if (target.isEmpty()) {
      res.setStatus(503);
      res.setContentType("application/json");
      res.getWriter().write("{\"message\":\"no leader is elected\",\"status\":503}");
      return;
    }
    String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
    HttpRequest.Builder out =
        HttpRequest.newBuilder(URI.create("http://" + target.get() + req.getRequestURI() + query))
            .timeout(Duration.ofSeconds(30))
            .header("X-Chronos-Proxied", "1");
    var names = req.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        out.header(name, req.getHeader(name));
      }
    }
    byte[] body = req.getInputStream().readAllBytes();
    out.method(
        req.getMethod(),
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      res.setStatus(answer.statusCode());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && !name.startsWith(":")) {
                  values.forEach(v -> res.addHeader(name, v));
                }
              });
      res.getOutputStream().write(answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      res.setStatus(503);
    } catch (IOException e) {
      res.setStatus(503);
      res.setContentType("application/json");
      res.getWriter().write("{\"message\":\"the leader cannot be reached\",\"status\":503}");
    }
  }
}
