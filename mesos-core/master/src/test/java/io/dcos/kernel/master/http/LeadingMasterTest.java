package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.master.allocation.HierarchicalDrfAllocator;
import io.dcos.kernel.master.core.ClusterFixture;
import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A master that does not lead and knows no leader answers 503 and reports standby metrics. */
class LeadingMasterTest {
  private final Clock clock = Clock.fixed(SampleCluster.NOW, ZoneOffset.UTC);
  private final Master master =
      new Master(
          ClusterFixture.PROPERTIES,
          clock,
          null,
          SampleCluster.MASTER,
          HierarchicalDrfAllocator::new);
  private final CuratorFramework neverStarted =
      CuratorFrameworkFactory.newClient("127.0.0.1:1", new RetryOneTime(1));
  private final LeadingMaster leading =
      new LeadingMaster(master, new MasterDetector(neverStarted, "/mesos"), clock);

  @AfterEach
  void stop() {
    master.shutdown();
    neverStarted.close();
  }

  @Test
  void withoutALeaderStateIsUnavailable() {
    ResponseEntity<?> answer =
        leading.answer(
            new MockHttpServletRequest("GET", "/master/state"),
            view -> {
              throw new AssertionError("a standby must not read state");
            });

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getBody()).isEqualTo("No leader elected");
    assertThat(leading.toLeaderBase().getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void standbyMetrics() {
    assertThat(leading.metrics()).containsOnlyKeys("master/elected", "master/uptime_secs");
    assertThat(leading.metrics()).containsEntry("master/elected", 0.0);
  }
}
