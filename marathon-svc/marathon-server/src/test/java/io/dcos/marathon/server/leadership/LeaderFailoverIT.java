package io.dcos.marathon.server.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.marathon.server.support.Http;
import io.dcos.marathon.server.support.MarathonProcess;
import io.dcos.marathon.server.support.TestInfra;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two marathon-svc processes on one ZooKeeper and one PostgreSQL: writes to the standby land via
 * the leader, leadership can be handed over, and a SIGKILLed leader is replaced without losing an
 * acknowledged write.
 */
class LeaderFailoverIT {
  MarathonProcess a;
  MarathonProcess b;

  @AfterEach
  void stop() throws Exception {
    for (MarathonProcess p : new MarathonProcess[] {a, b}) {
      if (p != null) {
        p.close();
      }
    }
  }

  private static String leaderSeenBy(MarathonProcess p) {
    try {
      Http.Answer answer = new Http(p.baseUrl()).get("/v2/leader");
      return answer.status() == 200 ? answer.json().get("leader").asText() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean elected(MarathonProcess p) {
    try {
      JsonNode info = new Http(p.baseUrl()).get("/v2/info").json();
      return info != null && info.get("elected").asBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void standbyProxiesToTheLeaderAndTakesOverWhenTheLeaderIsKilled() throws Exception {
    String jdbc = TestInfra.newDatabase();
    String zk = TestInfra.newZkUrl();
    a = MarathonProcess.start("failover-a", "127.4.1.21", jdbc, zk);
    b = MarathonProcess.start("failover-b", "127.4.1.22", jdbc, zk);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> leaderSeenBy(a) != null && leaderSeenBy(a).equals(leaderSeenBy(b)));
    MarathonProcess leader = leaderSeenBy(a).equals(a.hostAndPort()) ? a : b;
    MarathonProcess standby = leader == a ? b : a;
    assertThat(elected(leader)).isTrue();
    assertThat(elected(standby)).isFalse();

    Http viaStandby = new Http(standby.baseUrl());
    Http.Answer created =
        viaStandby.post("/v2/apps", "{\"id\":\"/ha/app\",\"cmd\":\"sleep 1\",\"instances\":2}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("X-Marathon-Via")).isEqualTo(leader.hostAndPort());
    assertThat(
            new Http(leader.baseUrl()).get("/v2/apps/ha/app").json().at("/app/instances").asInt())
        .isEqualTo(2);
    assertThat(viaStandby.get("/v2/apps/ha/app").status()).isEqualTo(200);

    // Abdication through the standby: the other instance leads.
    assertThat(viaStandby.delete("/v2/leader").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> standby.hostAndPort().equals(leaderSeenBy(leader)) && elected(standby));

    // SIGKILL the new leader: the first one takes over after the ZooKeeper session expires.
    Http.Answer scaled =
        new Http(leader.baseUrl()).put("/v2/apps/ha/app?force=true", "{\"instances\":5}");
    assertThat(scaled.status()).isEqualTo(200);
    standby.kill9();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> elected(leader));
    JsonNode app = new Http(leader.baseUrl()).get("/v2/apps/ha/app").json().get("app");
    assertThat(app.get("instances").asInt()).isEqualTo(5);
    assertThat(
            new Http(leader.baseUrl())
                .post("/v2/apps", "{\"id\":\"/ha/after\",\"cmd\":\"x\"}")
                .status())
        .isEqualTo(201);
  }
}
