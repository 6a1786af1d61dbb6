package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskStatus;

/**
 * A task as Mesos's master endpoints show it: {@code id}, {@code name}, {@code framework_id},
 * {@code executor_id}, {@code slave_id}, {@code state}, {@code resources}, {@code statuses} and,
 * when set, {@code labels}, {@code discovery}, {@code container} and {@code health_check}. The
 * state is always written by name, even TASK_STARTING (the proto3 default that JSON would drop).
 */
public final class TaskJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TaskJson() {}

  public static ObjectNode of(TaskRecord record) {
    return of(record.task, record.agentId, record.resources);
  }

  /** A task the master keeps only as its wire form, for example a completed one. */
  public static ObjectNode of(Task task) {
    return of(
        task, task.getAgentId().getValue(), ResourceConverter.fromProto(task.getResourcesList()));
  }

  private static ObjectNode of(Task t, String agentId, Resources resources) {
    ObjectNode m = JSON.objectNode();
    m.put("id", t.getTaskId().getValue());
    m.put("name", t.getName());
    m.put("framework_id", t.getFrameworkId().getValue());
    m.put("executor_id", t.getExecutorId().getValue());
    m.put("slave_id", agentId);
    m.put("state", t.getState().name());
    m.set("resources", ResourcesJson.of(resources));
    if (!t.getRole().isEmpty()) {
      m.put("role", t.getRole());
    }
    ArrayNode statuses = m.putArray("statuses");
    for (TaskStatus s : t.getStatusesList()) {
      statuses.add(status(s));
    }
    if (t.hasLabels()) {
      m.set("labels", labels(t.getLabels()));
    }
    if (t.hasDiscovery()) {
      ObjectNode discovery = (ObjectNode) ProtoJson.of(t.getDiscovery());
      // Mesos always writes the visibility; proto3 JSON drops its default FRAMEWORK.
      if (!discovery.has("visibility")) {
        discovery.put("visibility", t.getDiscovery().getVisibility().name());
      }
      m.set("discovery", discovery);
    }
    if (t.hasContainer()) {
      m.set("container", ProtoJson.of(t.getContainer()));
    }
    if (t.hasHealthCheck()) {
      m.set("health_check", ProtoJson.of(t.getHealthCheck()));
    }
    return m;
  }

  /** A status as Mesos lists it in {@code statuses[]}. */
  static ObjectNode status(TaskStatus s) {
    ObjectNode m = JSON.objectNode();
    m.put("state", s.getState().name());
    m.put("timestamp", s.getTimestamp());
    if (s.hasLabels()) {
      m.set("labels", labels(s.getLabels()));
    }
    if (s.hasContainerStatus()) {
      m.set("container_status", ProtoJson.of(s.getContainerStatus()));
    }
    if (s.hasHealthy()) {
      m.put("healthy", s.getHealthy());
    }
    return m;
  }

  /** Labels as Mesos writes them on tasks: a list of {@code {"key": .., "value": ..}}. */
  static ArrayNode labels(Labels labels) {
    ArrayNode out = JSON.arrayNode();
    labels
        .getLabelsList()
        .forEach(l -> out.add(JSON.objectNode().put("key", l.getKey()).put("value", l.getValue())));
    return out;
  }
}
