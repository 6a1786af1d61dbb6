package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP layer's handle on the master. Reads of cluster state run on the master's loop thread and
 * are answered by the leader only; a standby answers 307 to the same path on the leader, or 503
 * while no leader is known or while this master has won but not yet recovered its registry.
 */
@Component
public class LeadingMaster {
  private final Master master;
  private final MasterDetector detector;
  private final Clock clock;
  private final Instant startTime;

  public LeadingMaster(Master master, MasterDetector detector, Clock clock) {
    this.master = master;
    this.detector = detector;
    this.clock = clock;
    this.startTime = clock.instant();
  }

  /** When this master process started serving. */
  public Instant startTime() {
    return startTime;
  }

  /** Renders the leader's state with {@code reader}, or sends the client to the leader. */
  public ResponseEntity<?> answer(
      HttpServletRequest request, Function<ClusterView, JsonNode> reader) {
    Optional<JsonNode> body = readValue(reader);
    if (body.isPresent()) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.get());
    }
    return toLeader(request.getRequestURI(), request.getQueryString());
  }

  /** The master, for operator changes, while it leads and has recovered; else empty. */
  public Optional<Master> leading() {
    return master.isLeader() ? Optional.of(master) : Optional.empty();
  }

  /** 307 to {@code path} on the leader, or 503 when there is no leader to send the client to. */
  public ResponseEntity<?> toLeader(String path, String query) {
    Optional<MasterInfo> leader = detector.leader();
    if (leader.isEmpty()) {
      return unavailable("No leader elected");
    }
    if (leader.get().getId().equals(master.info().getId())) {
      return unavailable("Master has not finished recovery");
    }
    return redirect(LeaderLocation.of(leader.get(), path, query));
  }

  /** 307 to the leader's base URL (also from the leader itself), or 503 with no leader. */
  public ResponseEntity<?> toLeaderBase() {
    return detector
        .leader()
        .<ResponseEntity<?>>map(leader -> redirect(LeaderLocation.of(leader, null, null)))
        .orElseGet(() -> unavailable("No leader elected"));
  }

  /** The current metrics: the leader's full set, or a standby's few. */
  public Map<String, Double> metrics() {
    return this.<Map<String, Double>>readValue(v -> MasterMetrics.leading(v, startTime))
        .orElseGet(() -> MasterMetrics.standby(startTime, clock.instant()));
  }

  /**
   * Runs {@code reader} on the loop thread when leading. A failure of the reader is carried back
   * and rethrown here, so that it cannot leave the caller waiting on the loop.
   */
  private <T> Optional<T> readValue(Function<ClusterView, T> reader) {
    if (!master.isLeader()) {
      return Optional.empty();
    }
    Outcome<T> outcome =
        master.query(
            view -> {
              try {
                return new Outcome<>(reader.apply(view), null);
              } catch (RuntimeException e) {
                return new Outcome<>(null, e);
              }
            },
            new Outcome<>(null, null));
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return Optional.ofNullable(outcome.value());
  }

  private static ResponseEntity<?> redirect(String location) {
    return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
        .header(HttpHeaders.LOCATION, location)
        .build();
  }

  private static ResponseEntity<?> unavailable(String why) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.TEXT_PLAIN)
        .body(why);
  }

  private record Outcome<T>(T value, RuntimeException error) {}
}
