package io.dcos.kernel.master.http;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /master/redirect}, 307 to the leader's base URL on every master (503 with no leader), and
 * {@code /master/health}, 200 with an empty body on every running master, as in Mesos.
 */
@RestController
public class MasterRedirectController {
  private final LeadingMaster master;

  public MasterRedirectController(LeadingMaster master) {
    this.master = master;
  }

  @GetMapping({"/master/redirect", "/redirect"})
  public ResponseEntity<?> redirect() {
    return master.toLeaderBase();
  }

  @GetMapping({"/master/health", "/health"})
  public ResponseEntity<Void> health() {
    return ResponseEntity.ok().build();
  }
}
