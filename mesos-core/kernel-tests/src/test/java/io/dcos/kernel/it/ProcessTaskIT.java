package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A framework runs real process tasks on a real agent through a real master. */
class ProcessTaskIT {
  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void tasksRunWithTheMesosEnvironmentAreKilledAndReportHowTheyEnded() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMaster();
      cluster.startAgent("cpus:2;mem:1024;disk:1000;ports:[31000-31100]", "rack:r1");
      cluster.awaitActiveAgents(1);
      try (TestFramework framework = new TestFramework(cluster, "it", false, 60)) {
        framework.awaitSubscribed();

        // The task fetches a script from a URI into its sandbox and runs it.
        Path script = Files.createTempFile("greet", ".sh");
        Files.writeString(script, "#!/bin/sh\necho fetched-script-ran\n");
        Offer offer = framework.takeOffer();
        TaskInfo.Builder web =
            TestFramework.commandTask(
                "web-1",
                offer,
                "cpus:0.1;mem:32;ports:[31005-31005]",
                "./greet.sh; echo task=$MESOS_TASK_ID port=$PORT0 host=$HOST sandbox=$MESOS_SANDBOX;"
                    + " exec sleep 600")
                .toBuilder();
        web.getCommandBuilder()
            .addUris(
                CommandInfo.URI
                    .newBuilder()
                    .setValue("file://" + script)
                    .setOutputFile("greet.sh")
                    .setExecutable(true));
        framework.client.launch(offer.getId(), web.build());
        framework.awaitState("web-1", TaskState.TASK_STARTING, SOON);
        TaskStatus running = framework.awaitState("web-1", TaskState.TASK_RUNNING, SOON);
        assertThat(running.getAgentId().getValue()).isNotEmpty();

        JsonNode state = AgentState.read(cluster, 1);
        String sandbox = AgentState.sandboxOf(state, "web-1").orElseThrow();
        String stdout = AgentState.awaitStdout(cluster, 1, sandbox, "task=web-1", SOON);
        assertThat(stdout)
            .contains("fetched-script-ran")
            .contains("port=31005")
            .contains("host=" + cluster.agentIp(1))
            .contains("sandbox=" + sandbox);

        // The sandbox can be browsed and its files downloaded through the agent's files API.
        String browse =
            cluster
                .get(
                    cluster.agentUrl(
                        1,
                        "/files/browse?path=" + URLEncoder.encode(sandbox, StandardCharsets.UTF_8)))
                .body();
        assertThat(AgentState.json(browse).findValuesAsText("path"))
            .contains(sandbox + "/stdout", sandbox + "/stderr", sandbox + "/greet.sh");
        var download =
            cluster.get(
                cluster.agentUrl(
                    1,
                    "/files/download?path="
                        + URLEncoder.encode(sandbox + "/greet.sh", StandardCharsets.UTF_8)));
        assertThat(download.body()).contains("echo fetched-script-ran");
        var outside = cluster.get(cluster.agentUrl(1, "/files/read?path=/etc/passwd"));
        assertThat(outside.statusCode()).isEqualTo(404);

        // The master's state shows the task where operators look for it.
        JsonNode master = AgentState.json(cluster.get(cluster.leaderUrl("/master/state")).body());
        assertThat(master.path("frameworks").get(0).path("tasks").get(0).path("id").asText())
            .isEqualTo("web-1");
        assertThat(master.path("frameworks").get(0).path("tasks").get(0).path("state").asText())
            .isEqualTo("TASK_RUNNING");

        framework.client.kill(running.getTaskId(), running.getAgentId(), Duration.ofSeconds(2));
        framework.awaitState("web-1", TaskState.TASK_KILLING, SOON);
        framework.awaitState("web-1", TaskState.TASK_KILLED, SOON);

        framework.launch("fails", "cpus:0.1;mem:32", "echo about to fail >&2; exit 3");
        TaskStatus failed = framework.awaitState("fails", TaskState.TASK_FAILED, SOON);
        assertThat(failed.getMessage()).contains("exited with status 3");
        await().atMost(SOON).until(() -> framework.failures.contains("fails:3"));

        framework.launch("done", "cpus:0.1;mem:32", "true");
        framework.awaitState("done", TaskState.TASK_FINISHED, SOON);

        // Several tasks of one LAUNCH travel to the agent in one message; each runs on its own.
        Offer pair = framework.takeOffer();
        framework.client.launch(
            pair.getId(),
            TestFramework.commandTask("pair-1", pair, "cpus:0.1;mem:32", "exit 4"),
            TestFramework.commandTask("pair-2", pair, "cpus:0.1;mem:32", "true"));
        TaskStatus first = framework.awaitState("pair-1", TaskState.TASK_FAILED, SOON);
        assertThat(first.getMessage()).contains("exited with status 4");
        framework.awaitState("pair-2", TaskState.TASK_FINISHED, SOON);
      }
    }
  }
}
