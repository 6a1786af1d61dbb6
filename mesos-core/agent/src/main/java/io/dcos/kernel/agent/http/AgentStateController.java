package io.dcos.kernel.agent.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.dcos.kernel.agent.config.AgentProperties;
import io.dcos.kernel.agent.core.Agent;
import io.dcos.kernel.agent.core.AgentView;
import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceSummary;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent's {@code /state} (also {@code /slave(1)/state}) with Mesos's field names. */
@RestController
public class AgentStateController {
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Agent agent;
  private final AgentProperties properties;
  private final Instant startTime = Instant.now();

  public AgentStateController(Agent agent, AgentProperties properties) {
    this.agent = agent;
    this.properties = properties;
  }

  @GetMapping("/health")
  public ResponseEntity<Void> health() {
    return ResponseEntity.ok().build();
  }

  @GetMapping({"/state", "/state.json", "/slave(1)/state", "/slave(1)/state.json"})
  public Map<String, Object> state() {
    return agent.query(this::render);
  }

  private Map<String, Object> render(AgentView view) {
    var info = view.identity().info();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("version", view.identity().version());
    s.put("id", view.agentId() == null ? "" : view.agentId());
    s.put("pid", "slave(1)@" + properties.ip() + ":" + view.identity().httpPort());
    s.put("hostname", info.getHostname());
    s.put("start_time", startTime.toEpochMilli() / 1000.0);
    s.put("resources", ResourceSummary.of(ResourceConverter.fromProto(info.getResourcesList())));
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Attribute a : info.getAttributesList()) {
      attributes.put(a.getName(), AttributeText.valueOf(a));
    }
    s.put("attributes", attributes);
    if (view.master() != null) {
      s.put("master_hostname", view.master().getHostname());
    }
    s.put("registered", view.registered());
    s.put("pending_status_updates", view.pendingUpdates());
    Map<String, Map<String, Object>> frameworks = new LinkedHashMap<>();
    addTasks(frameworks, view.liveTasks(), "tasks");
    addTasks(frameworks, view.completedTasks(), "completed_tasks");
    s.put("frameworks", new ArrayList<>(frameworks.values()));
    s.put("completed_frameworks", List.of());
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("master", properties.master());
    flags.put("ip", properties.ip());
    flags.put("port", Integer.toString(view.identity().httpPort()));
    flags.put("hostname", info.getHostname());
    flags.put("work_dir", properties.workDir());
    flags.put("resources", properties.resources());
    flags.put("attributes", properties.attributes());
    flags.put("containerizers", String.join(",", properties.containerizers()));
    s.put("flags", flags);
    return s;
  }

  @SuppressWarnings("unchecked")
  private static void addTasks(
      Map<String, Map<String, Object>> frameworks,
      List<AgentView.TaskEntry> entries,
      String field) {
    for (AgentView.TaskEntry e : entries) {
      FrameworkInfo fi = e.framework();
      Map<String, Object> f =
          frameworks.computeIfAbsent(
              fi.getId().getValue(),
              id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("name", fi.getName());
                m.put("user", fi.getUser());
                m.put("role", fi.getRole().isEmpty() ? "*" : fi.getRole());
                m.put("executors", new ArrayList<Map<String, Object>>());
                return m;
              });
      Map<String, Object> executor = new LinkedHashMap<>();
      executor.put("id", e.executorId());
      executor.put("name", "Command Executor (Task: " + e.task().getTaskId().getValue() + ")");
      executor.put("source", e.task().getTaskId().getValue());
      executor.put("container", e.containerId());
      executor.put("directory", e.sandbox());
      executor.put(
          "resources",
          ResourceSummary.of(ResourceConverter.fromProto(e.task().getResourcesList())));
      executor.put("tasks", List.of());
      executor.put("completed_tasks", List.of());
      executor.put(field, List.of(taskJson(e.task(), e.framework())));
      ((List<Map<String, Object>>) f.get("executors")).add(executor);
    }
  }

  private static Map<String, Object> taskJson(Task t, FrameworkInfo f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.getTaskId().getValue());
    m.put("name", t.getName());
    m.put("framework_id", f.getId().getValue());
    m.put("executor_id", t.getExecutorId().getValue());
    m.put("slave_id", t.getAgentId().getValue());
    m.put("state", t.getState().name());
    m.put("resources", ResourceSummary.of(ResourceConverter.fromProto(t.getResourcesList())));
    if (t.hasLabels()) {
      m.put("labels", json(t.getLabels()).get("labels"));
    }
    if (t.hasDiscovery()) {
      m.put("discovery", json(t.getDiscovery()));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(MessageOrBuilder message) {
    try {
      return MAPPER.readValue(JSON.print(message), Map.class);
    } catch (InvalidProtocolBufferException
        | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + message.getClass().getSimpleName(), e);
    }
  }
}
