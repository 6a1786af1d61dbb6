package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The /metrics/snapshot keys and values of a leader and of a standby. */
class MasterMetricsTest {

  @Test
  void leaderReportsAgentsFrameworksTasksAndResources() {
    Map<String, Double> m =
        MasterMetrics.leading(
            SampleCluster.standard().view(), SampleCluster.ELECTED.minusSeconds(30));

    assertThat(m.keySet()).containsExactlyElementsOf(MasterMetrics.LEADER_NAMES);
    assertThat(m)
        .containsEntry("master/elected", 1.0)
        .containsEntry("master/uptime_secs", 90.0)
        .containsEntry("master/slaves_active", 1.0)
        .containsEntry("master/slaves_connected", 1.0)
        .containsEntry("master/slaves_disconnected", 0.0)
        .containsEntry("master/slaves_inactive", 0.0)
        .containsEntry("master/slaves_unreachable", 1.0)
        .containsEntry("master/frameworks_active", 1.0)
        .containsEntry("master/frameworks_connected", 1.0)
        .containsEntry("master/frameworks_disconnected", 0.0)
        .containsEntry("master/tasks_running", 1.0)
        .containsEntry("master/tasks_finished", 1.0)
        .containsEntry("master/tasks_staging", 0.0)
        .containsEntry("master/tasks_gone_by_operator", 0.0)
        .containsEntry("master/cpus_total", 6.0)
        .containsEntry("master/cpus_used", 1.0)
        .containsEntry("master/mem_total", 1024.0)
        .containsEntry("master/mem_used", 128.0)
        .containsEntry("master/mem_percent", 0.125)
        .containsEntry("master/disk_total", 2000.0)
        .containsEntry("master/gpus_percent", 0.0)
        .containsEntry("master/outstanding_offers", 1.0);
  }

  @Test
  void standbyReportsOnlyThatItIsNotElected() {
    Map<String, Double> m =
        MasterMetrics.standby(SampleCluster.ELECTED, SampleCluster.ELECTED.plusMillis(1500));

    assertThat(m).containsOnlyKeys("master/elected", "master/uptime_secs");
    assertThat(m).containsEntry("master/elected", 0.0).containsEntry("master/uptime_secs", 1.5);
  }

  @Test
  void prometheusNamesFollowMesosKeys() {
    assertThat(PrometheusMetrics.meterName("master/tasks_running"))
        .isEqualTo("mesos.master.tasks_running");
  }
}
