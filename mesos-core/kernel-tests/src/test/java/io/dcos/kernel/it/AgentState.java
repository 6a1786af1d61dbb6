package io.dcos.kernel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reads an agent's {@code /state} the way an operator's tool would. */
final class AgentState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentState() {}

  static JsonNode read(TestCluster cluster, int agent) throws Exception {
    return JSON.readTree(cluster.get(cluster.agentUrl(agent, "/state")).body());
  }

  /** The sandbox directory of a live task, from {@code frameworks[].executors[].directory}. */
  static Optional<String> sandboxOf(JsonNode state, String taskId) {
    for (JsonNode f : state.path("frameworks")) {
      for (JsonNode e : f.path("executors")) {
        for (JsonNode t : e.path("tasks")) {
          if (t.path("id").asText().equals(taskId)) {
            return Optional.of(e.path("directory").asText());
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean hasLiveTask(JsonNode state, String taskId) {
    return sandboxOf(state, taskId).isPresent();
  }

  /**
   * Waits until the task's stdout, read through the agent's files API, contains {@code expected},
   * and returns it.
   */
  static String awaitStdout(
      TestCluster cluster, int agent, String sandbox, String expected, java.time.Duration within) {
    String read =
        "/files/read?offset=0&length=4096&path="
            + java.net.URLEncoder.encode(
                sandbox + "/stdout", java.nio.charset.StandardCharsets.UTF_8);
    return org.awaitility.Awaitility.await()
        .atMost(within)
        .ignoreExceptions()
        .until(
            () -> json(cluster.get(cluster.agentUrl(agent, read)).body()).path("data").asText(),
            s -> s.contains(expected));
  }

  static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }
}
