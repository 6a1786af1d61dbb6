package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.protocol.MasterInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leader election among three real master processes, and failover after kill -9 of the leader. */
class MasterFailoverIT {

  @Test
  void standbyTakesOverWithinSecondsAfterTheLeaderIsKilled() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMaster();
      cluster.startMaster();
      cluster.startMaster();
      MasterInfo first = cluster.awaitLeader();
      await()
          .atMost(TestCluster.STARTUP)
          .ignoreExceptions()
          .until(() -> cluster.metric("master/elected") == 1.0);

      KernelProcess leader = cluster.leaderProcess();
      leader.kill9();

      MasterInfo second =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> cluster.detector.leader().orElse(null),
                  m -> m != null && !m.getId().equals(first.getId()));
      assertThat(second.getAddress().getIp()).isNotEqualTo(first.getAddress().getIp());
      await()
          .atMost(Duration.ofSeconds(15))
          .ignoreExceptions()
          .until(() -> cluster.metric("master/elected") == 1.0);

      // A standby redirects state requests to the new leader.
      KernelProcess standby =
          cluster.masters.stream()
              .filter(m -> m.alive() && !m.ip().equals(second.getAddress().getIp()))
              .findFirst()
              .orElseThrow();
      var redirect = cluster.get("http://" + standby.ip() + ":5050/master/redirect");
      assertThat(redirect.statusCode()).isEqualTo(307);
      assertThat(redirect.headers().firstValue("Location").orElse(""))
          .contains(second.getAddress().getIp() + ":5050");
    }
  }
}
