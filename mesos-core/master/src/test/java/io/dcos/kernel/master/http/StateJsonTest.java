package io.dcos.kernel.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.master.core.ClusterView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shapes of /master/state, /master/state-summary, /master/slaves and /master/frameworks. */
class StateJsonTest {
  private final ClusterView view = SampleCluster.standard().view();

  @Test
  void stateNamesTheLeaderAndCountsAgents() {
    JsonNode s = new StateJson(view).state(Instant.parse("2025-12-31T23:59:00Z"));

    assertThat(s.path("id").asText()).isEqualTo("m1");
    assertThat(s.path("pid").asText()).isEqualTo("master@127.0.0.1:5050");
    assertThat(s.path("leader").asText()).isEqualTo("master@127.0.0.1:5050");
    assertThat(s.path("leader_info").path("id").asText()).isEqualTo("m1");
    assertThat(s.path("leader_info").path("address").path("port").asInt()).isEqualTo(5050);
    assertThat(s.path("version").asText()).isEqualTo("1.11.0");
    assertThat(s.path("cluster").asText()).isEqualTo("test-cluster");
    assertThat(s.path("elected_time").asDouble()).isEqualTo(1767225600.0);
    assertThat(s.path("start_time").asDouble()).isEqualTo(1767225540.0);
    assertThat(s.path("activated_slaves").asInt()).isEqualTo(1);
    assertThat(s.path("deactivated_slaves").asInt()).isZero();
    assertThat(s.path("unreachable_slaves").asInt()).isEqualTo(1);
    assertThat(s.path("slaves")).hasSize(1);
    assertThat(s.path("flags").path("agent_ping_timeout").asText()).isEqualTo("15secs");
    assertThat(s.path("flags").path("port").asText()).isEqualTo("5050");
    assertThat(s.path("completed_frameworks").get(0).path("id").asText()).isEqualTo("f0");
  }

  @Test
  void agentsSplitTheirResources() {
    JsonNode a = new StateJson(view).state(SampleCluster.ELECTED).path("slaves").get(0);

    assertThat(a.path("id").asText()).isEqualTo("a1");
    assertThat(a.path("pid").asText()).isEqualTo("slave(1)@10.0.0.2:5051");
    assertThat(a.path("hostname").asText()).isEqualTo("10.0.0.2");
    assertThat(a.path("port").asInt()).isEqualTo(5051);
    assertThat(a.path("active").asBoolean()).isTrue();
    assertThat(a.path("attributes").path("rack").asText()).isEqualTo("r1");
    assertThat(a.path("attributes").path("level").isNumber()).isTrue();
    assertThat(a.path("resources").path("cpus").asDouble()).isEqualTo(6.0);
    assertThat(a.path("resources").path("mem").asDouble()).isEqualTo(1024.0);
    assertThat(a.path("resources").path("gpus").asDouble()).isZero();
    assertThat(a.path("resources").path("ports").asText()).isEqualTo("[31000-32000]");
    assertThat(a.path("used_resources").path("cpus").asDouble()).isEqualTo(1.0);
    assertThat(a.path("offered_resources").path("mem").asDouble()).isEqualTo(512.0);
    assertThat(a.path("reserved_resources").path("db").path("cpus").asDouble()).isEqualTo(2.0);
    assertThat(a.path("unreserved_resources").path("cpus").asDouble()).isEqualTo(4.0);
    assertThat(a.path("registered_time").asDouble()).isEqualTo(1767225600.0);
  }

  @Test
  void frameworksCarryTasksOffersAndInfo() {
    JsonNode f = new StateJson(view).state(SampleCluster.ELECTED).path("frameworks").get(0);

    assertThat(f.path("id").asText()).isEqualTo("f1");
    assertThat(f.path("name").asText()).isEqualTo("marathon");
    assertThat(f.path("user").asText()).isEqualTo("root");
    assertThat(f.path("role").asText()).isEqualTo("db");
    assertThat(f.path("roles").get(0).asText()).isEqualTo("db");
    assertThat(f.path("principal").asText()).isEqualTo("svc");
    assertThat(f.path("failover_timeout").asDouble()).isEqualTo(604800.0);
    assertThat(f.path("checkpoint").asBoolean()).isTrue();
    assertThat(f.path("active").asBoolean()).isTrue();
    assertThat(f.path("connected").asBoolean()).isTrue();
    assertThat(f.path("capabilities").get(0).asText()).isEqualTo("PARTITION_AWARE");
    assertThat(f.path("used_resources").path("cpus").asDouble()).isEqualTo(1.0);
    assertThat(f.path("offered_resources").path("cpus").asDouble()).isEqualTo(2.0);
    assertThat(f.path("resources").path("cpus").asDouble()).isEqualTo(3.0);
    assertThat(f.path("tasks")).hasSize(1);
    assertThat(f.path("completed_tasks").get(0).path("state").asText()).isEqualTo("TASK_FINISHED");
    assertThat(f.path("offers").get(0).path("id").asText()).isEqualTo("o1");
    assertThat(f.path("offers").get(0).path("slave_id").asText()).isEqualTo("a1");
    assertThat(f.path("executors")).isEmpty();
  }

  @Test
  void tasksUseMesosNames() {
    JsonNode t =
        new StateJson(view)
            .state(SampleCluster.ELECTED)
            .path("frameworks")
            .get(0)
            .path("tasks")
            .get(0);

    assertThat(t.path("id").asText()).isEqualTo("t1");
    assertThat(t.path("name").asText()).isEqualTo("t1-name");
    assertThat(t.path("framework_id").asText()).isEqualTo("f1");
    assertThat(t.path("slave_id").asText()).isEqualTo("a1");
    assertThat(t.path("executor_id").asText()).isEmpty();
    assertThat(t.path("state").asText()).isEqualTo("TASK_RUNNING");
    assertThat(t.path("resources").path("mem").asDouble()).isEqualTo(128.0);
    assertThat(t.path("statuses")).hasSize(2);
    JsonNode status = t.path("statuses").get(1);
    assertThat(status.path("state").asText()).isEqualTo("TASK_RUNNING");
    assertThat(status.path("timestamp").asDouble()).isEqualTo(101.0);
    assertThat(
            status
                .path("container_status")
                .path("network_infos")
                .get(0)
                .path("ip_addresses")
                .get(0)
                .path("ip_address")
                .asText())
        .isEqualTo("10.0.0.9");
    assertThat(t.path("labels").get(0).path("key").asText()).isEqualTo("k");
    assertThat(t.path("labels").get(0).path("value").asText()).isEqualTo("v");
    JsonNode port = t.path("discovery").path("ports").path("ports").get(0);
    assertThat(port.path("number").asInt()).isEqualTo(31000);
    assertThat(port.path("name").asText()).isEqualTo("http");
    assertThat(port.path("protocol").asText()).isEqualTo("tcp");
    assertThat(t.path("discovery").path("visibility").asText()).isEqualTo("FRAMEWORK");
  }

  @Test
  void startingStateIsWrittenAlthoughItIsTheProtoDefault() {
    var fixture = SampleCluster.standard();
    var f = SampleCluster.framework("f2", "x", "*", true);
    SampleCluster.task(
        f, "a1", "s1", "cpus:0.5", 1, io.dcos.kernel.protocol.TaskState.TASK_STARTING);
    JsonNode t =
        new StateJson(fixture.framework(f).view())
            .state(SampleCluster.ELECTED)
            .path("frameworks")
            .get(1)
            .path("tasks")
            .get(0);

    assertThat(t.path("state").asText()).isEqualTo("TASK_STARTING");
    assertThat(t.path("statuses").get(0).path("state").asText()).isEqualTo("TASK_STARTING");
  }

  @Test
  void summaryCountsTasksPerAgentAndFramework() {
    JsonNode s = new StateJson(view).summary();

    assertThat(s.path("hostname").asText()).isEqualTo("127.0.0.1");
    assertThat(s.path("cluster").asText()).isEqualTo("test-cluster");
    JsonNode agent = s.path("slaves").get(0);
    assertThat(agent.path("TASK_RUNNING").asInt()).isEqualTo(1);
    assertThat(agent.path("TASK_FINISHED").asInt()).isEqualTo(1);
    assertThat(agent.path("TASK_STAGING").asInt()).isZero();
    assertThat(agent.path("framework_ids").get(0).asText()).isEqualTo("f1");
    JsonNode framework = s.path("frameworks").get(0);
    assertThat(framework.path("TASK_RUNNING").asInt()).isEqualTo(1);
    assertThat(framework.path("slave_ids").get(0).asText()).isEqualTo("a1");
    assertThat(framework.has("tasks")).isFalse();
  }

  @Test
  void slavesAndFrameworksDocuments() {
    JsonNode slaves = new StateJson(view).slaves();
    assertThat(slaves.path("slaves")).hasSize(1);
    assertThat(slaves.path("recovered_slaves").isArray()).isTrue();

    JsonNode frameworks = new StateJson(view).frameworksDocument();
    assertThat(frameworks.path("frameworks")).hasSize(1);
    assertThat(frameworks.path("completed_frameworks")).hasSize(1);
    assertThat(frameworks.path("completed_frameworks").get(0).path("active").asBoolean()).isFalse();
    assertThat(frameworks.path("unregistered_frameworks").isArray()).isTrue();
  }
}
