package io.dcos.marathon.server.leadership;

import io.dcos.marathon.server.config.LeaderProxyProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwards API calls that reach a standby to the leader and relays the answer, streaming it (so
 * {@code /v2/events} works through a standby). {@code /ping}, metrics, {@code /v2/info} and {@code
 * GET /v2/leader} are answered locally. Without a known leader the answer is 503.
 */
@Component
@Order(0)
public class LeaderProxyFilter extends OncePerRequestFilter {
  /** Set on proxied requests; a leader never proxies them again. */
  static final String VIA = "X-Marathon-Via";

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect");

  private final LeaderElection election;
  private final LeaderProxyProperties props;
  private final HttpClient client;

  public LeaderProxyFilter(LeaderElection election, LeaderProxyProperties props) {
    this.election = election;
    this.props = props;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(props.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!path.startsWith("/v2/")) {
      return true;
    }
    return path.equals("/v2/info")
        || (path.equals("/v2/leader") && request.getMethod().equals("GET"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (election.isLeader()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> leader = election.leader();
    if (leader.isEmpty()
        || leader.get().equals(election.self())
        || request.getHeader(VIA) != null) {
      unavailable(response);
      return;
    }
    forward(leader.get(), request, response);
  }

  private void forward(String leader, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String query = request.getQueryString();
    URI uri =
        URI.create(
            "http://" + leader + request.getRequestURI() + (query == null ? "" : "?" + query));
    boolean stream = request.getRequestURI().equals("/v2/events");
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (!stream) {
      b.timeout(props.readTimeout());
    }
    for (String name : Collections.list(request.getHeaderNames())) {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : Collections.list(request.getHeaders(name))) {
          b.header(name, value);
        }
      }
    }
    b.header(VIA, election.self());
    byte[] body = request.getInputStream().readAllBytes();
    b.method(
        request.getMethod(),
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<InputStream> answer;
    try {
      answer = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(response);
      return;
    } catch (IOException e) {
      response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              ("{\"message\":\"Could not reach the leader at " + leader + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    response.setStatus(answer.statusCode());
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> response.addHeader(name, v));
              }
            });
    response.setHeader(VIA, leader);
    try (InputStream in = answer.body()) {
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (stream) {
          out.flush();
        }
      }
      out.flush();
    }
  }

  private static void unavailable(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            "{\"message\":\"Could not determine the current leader\"}"
                .getBytes(StandardCharsets.UTF_8));
  }
}
