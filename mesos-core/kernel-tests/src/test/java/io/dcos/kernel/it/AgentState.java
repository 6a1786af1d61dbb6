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

  static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }
}
