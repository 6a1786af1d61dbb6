package io.dcos.kernel.master.http;

import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.core.RoleSettingOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Mesos's operator endpoints for role weights ({@code /weights}) and quota ({@code /quota}, {@code
 * DELETE /quota/<role>}), also under {@code /master/...}. Changes answer 200 only once the leader
 * has made them durable; a wrong request gets 400 with one line naming the problem, removing a
 * quota a role does not have 404. Standbys send clients to the leader (see {@link LeadingMaster}).
 */
@RestController
public class RoleSettingsController {
  private static final long CHANGE_TIMEOUT_SECONDS = 30;

  private final LeadingMaster master;

  public RoleSettingsController(LeadingMaster master) {
    this.master = master;
  }

  @GetMapping({"/weights", "/master/weights"})
  public ResponseEntity<?> weights(HttpServletRequest request) {
    return master.answer(request, RoleSettingsJson::weights);
  }

  @PutMapping({"/weights", "/master/weights"})
  public ResponseEntity<?> updateWeights(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    return change(request, m -> m.updateWeights(RoleSettingsJson.parseWeights(body)));
  }

  @GetMapping({"/quota", "/master/quota"})
  public ResponseEntity<?> quotas(HttpServletRequest request) {
    return master.answer(request, RoleSettingsJson::quotas);
  }

  @PostMapping({"/quota", "/master/quota"})
  public ResponseEntity<?> setQuota(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    return change(request, m -> m.setQuota(RoleSettingsJson.parseQuota(body)));
  }

  /** The role is the rest of the path, so hierarchical roles such as {@code eng/web} work. */
  @DeleteMapping({"/quota/**", "/master/quota/**"})
  public ResponseEntity<?> removeQuota(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String prefix = path.startsWith("/master/") ? "/master/quota" : "/quota";
    String rest = path.length() > prefix.length() ? path.substring(prefix.length() + 1) : "";
    String role = UriUtils.decode(rest, StandardCharsets.UTF_8);
    return change(request, m -> m.removeQuota(role));
  }

  private ResponseEntity<?> change(
      HttpServletRequest request, Function<Master, CompletableFuture<RoleSettingOutcome>> change) {
    Optional<Master> leader = master.leading();
    if (leader.isEmpty()) {
      return master.toLeader(request.getRequestURI(), request.getQueryString());
    }
    RoleSettingOutcome outcome;
    try {
      outcome = change.apply(leader.get()).get(CHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return text(HttpStatus.SERVICE_UNAVAILABLE, "interrupted while waiting for the change");
    } catch (ExecutionException | TimeoutException e) {
      return text(
          HttpStatus.SERVICE_UNAVAILABLE,
          "the master did not confirm the change in time; read the settings back to check");
    }
    return switch (outcome.kind()) {
      case APPLIED -> ResponseEntity.ok().build();
      case INVALID -> text(HttpStatus.BAD_REQUEST, outcome.message());
      case NOT_FOUND -> text(HttpStatus.NOT_FOUND, outcome.message());
      case NOT_LEADER -> master.toLeader(request.getRequestURI(), request.getQueryString());
      case NOT_DURABLE -> text(HttpStatus.SERVICE_UNAVAILABLE, outcome.message());
    };
  }

  private static ResponseEntity<String> text(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
  }
}
