package io.dcos.marathon.server.api;

import io.dcos.marathon.server.config.FrameworkProperties;
import io.dcos.marathon.server.config.HttpProperties;
import io.dcos.marathon.server.config.ZooKeeperProperties;
import io.dcos.marathon.server.leadership.LeaderElection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/info}, {@code /v2/leader} and {@code /ping}. */
@RestController
public class InfoController {
  /** The Marathon API version this service answers as. */
  public static final String MARATHON_VERSION = "1.10.17";

  private final LeaderElection election;
  private final Orchestration orchestration;
  private final FrameworkProperties framework;
  private final ZooKeeperProperties zk;
  private final HttpProperties http;

  public InfoController(
      LeaderElection election,
      Orchestration orchestration,
      FrameworkProperties framework,
      ZooKeeperProperties zk,
      HttpProperties http) {
    this.election = election;
    this.orchestration = orchestration;
    this.framework = framework;
    this.zk = zk;
    this.http = http;
  }

  @GetMapping(value = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
  String ping() {
    return "pong";
  }

  @GetMapping("/v2/info")
  Map<String, Object> info() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", framework.name());
    out.put("version", MARATHON_VERSION);
    out.put("buildref", "marathon-svc");
    out.put("elected", election.isLeader());
    out.put("leader", election.leader().orElse(null));
    out.put("frameworkId", orchestration.scheduler().flatMap(s -> s.frameworkId()).orElse(null));
    Map<String, Object> marathon = new LinkedHashMap<>();
    marathon.put("master", framework.master());
    marathon.put("framework_name", framework.name());
    marathon.put("mesos_role", framework.role());
    marathon.put("mesos_user", framework.user());
    marathon.put("failover_timeout", framework.failoverTimeout().toSeconds());
    String self = election.self();
    marathon.put(
        "hostname", self == null ? http.address() : self.substring(0, self.lastIndexOf(':')));
    marathon.put("http_port", http.port());
    out.put("marathon_config", marathon);
    Map<String, Object> zookeeper = new LinkedHashMap<>();
    zookeeper.put("zk", zk.url());
    zookeeper.put("zk_timeout", zk.sessionTimeout().toMillis());
    zookeeper.put("zk_session_timeout", zk.sessionTimeout().toMillis());
    out.put("zookeeper_config", zookeeper);
    out.put("http_config", Map.of("http_port", http.port(), "https_port", 0));
    out.put("event_subscriber", null);
    return out;
  }

  @GetMapping("/v2/leader")
  ResponseEntity<Object> leader() {
    return election
        .leader()
        .<ResponseEntity<Object>>map(l -> ResponseEntity.ok(Map.of("leader", l)))
        .orElseThrow(() -> ApiException.notFound("There is no leader"));
  }

  /** Gives up leadership; proxied to the leader like every other write. */
  @DeleteMapping("/v2/leader")
  Map<String, String> abdicate() throws Exception {
    if (!election.isLeader()) {
      throw ApiException.notFound("There is no leader");
    }
    election.abdicate();
    return Map.of("message", "Leadership abdicated");
  }
}
