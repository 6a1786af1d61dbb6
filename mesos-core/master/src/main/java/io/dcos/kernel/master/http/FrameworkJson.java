package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A framework as Mesos's {@code /master/state} and {@code /master/frameworks} show it, with its
 * {@code tasks}, {@code unreachable_tasks}, {@code completed_tasks} and outstanding {@code offers}.
 * Both {@code role} (first role, as single-role tools read it) and {@code roles} are written.
 */
public final class FrameworkJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FrameworkJson() {}

  public static ObjectNode of(FrameworkRecord f) {
    Resources used = used(f);
    Resources offered = offered(f);
    ObjectNode m = info(f.info, f.id, f.roles());
    m.put("active", f.connected());
    m.put("connected", f.connected());
    m.put("recovered", !f.subscribed);
    m.put("registered_time", AgentJson.seconds(f.registeredTime));
    m.put("unregistered_time", AgentJson.seconds(f.disconnectedSince));
    if (f.reregisteredTime != null) {
      m.put("reregistered_time", AgentJson.seconds(f.reregisteredTime));
    }
    m.set("used_resources", ResourcesJson.of(used));
    m.set("offered_resources", ResourcesJson.of(offered));
    m.set("resources", ResourcesJson.of(used.plus(offered)));
    ArrayNode tasks = m.putArray("tasks");
    ArrayNode unreachable = m.putArray("unreachable_tasks");
    for (TaskRecord t : f.tasks.values()) {
      (t.state() == TaskState.TASK_UNREACHABLE ? unreachable : tasks).add(TaskJson.of(t));
    }
    ArrayNode completed = m.putArray("completed_tasks");
    for (Task t : f.completedTasks) {
      completed.add(TaskJson.of(t));
    }
    ArrayNode offers = m.putArray("offers");
    for (OfferRecord o : f.offers.values()) {
      offers.add(offer(o));
    }
    m.putArray("executors");
    return m;
  }

  /** A framework that was removed: only its info is kept. */
  public static ObjectNode completed(FrameworkInfo info) {
    ObjectNode m = info(info, info.getId().getValue(), FrameworkRecord.rolesOf(info));
    m.put("active", false);
    m.put("connected", false);
    m.put("recovered", false);
    m.set("used_resources", ResourcesJson.of(Resources.EMPTY));
    m.set("offered_resources", ResourcesJson.of(Resources.EMPTY));
    m.set("resources", ResourcesJson.of(Resources.EMPTY));
    m.putArray("tasks");
    m.putArray("unreachable_tasks");
    m.putArray("completed_tasks");
    m.putArray("offers");
    m.putArray("executors");
    return m;
  }

  /** An outstanding offer as Mesos lists it under a framework. */
  public static ObjectNode offer(OfferRecord o) {
    ObjectNode m = JSON.objectNode();
    m.put("id", o.id());
    m.put("framework_id", o.frameworkId());
    m.put("slave_id", o.agentId());
    m.set("resources", ResourcesJson.of(o.resources()));
    m.set("allocation_info", JSON.objectNode().put("role", o.role()));
    return m;
  }

  /** Resources held by the framework's live tasks. */
  public static Resources used(FrameworkRecord f) {
    List<Resources> parts = new ArrayList<>();
    for (TaskRecord t : f.tasks.values()) {
      if (!t.terminal()) {
        parts.add(t.resources);
      }
    }
    return ResourcesJson.sum(parts);
  }

  /** Resources held in the framework's outstanding offers. */
  public static Resources offered(FrameworkRecord f) {
    return ResourcesJson.sum(f.offers.values().stream().map(OfferRecord::resources).toList());
  }

  /** The fields taken from the framework's info, shared by live and completed frameworks. */
  static ObjectNode info(FrameworkInfo info, String id, Set<String> roles) {
    ObjectNode m = JSON.objectNode();
    m.put("id", id);
    m.put("name", info.getName());
    m.put("user", info.getUser());
    m.put("hostname", info.getHostname());
    m.put("webui_url", info.getWebuiUrl());
    m.put("role", roles.iterator().next());
    ArrayNode roleList = m.putArray("roles");
    roles.forEach(roleList::add);
    if (!info.getPrincipal().isEmpty()) {
      m.put("principal", info.getPrincipal());
    }
    m.put("failover_timeout", info.hasFailoverTimeout() ? info.getFailoverTimeout() : 0);
    m.put("checkpoint", info.hasCheckpoint() && info.getCheckpoint());
    ArrayNode capabilities = m.putArray("capabilities");
    info.getCapabilitiesList().forEach(c -> capabilities.add(c.getType().name()));
    if (info.hasLabels()) {
      m.set("labels", TaskJson.labels(info.getLabels()));
    }
    return m;
  }
}
