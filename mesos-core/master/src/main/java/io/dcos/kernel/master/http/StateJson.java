package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the leading master's view in the shapes of Mesos's {@code /master/state}, {@code
 * /master/state-summary}, {@code /master/slaves} and {@code /master/frameworks}. Must be used
 * inside {@code Master.query}: it reads the live records on the master's loop thread. Agents that
 * are unreachable are counted in {@code unreachable_slaves} and not listed, as in Mesos.
 */
public final class StateJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ClusterView view;
  private final Map<String, Resources> offeredByAgent;

  public StateJson(ClusterView view) {
    this.view = view;
    this.offeredByAgent =
        view.offers().stream()
            .collect(
                Collectors.groupingBy(
                    OfferRecord::agentId,
                    Collectors.reducing(Resources.EMPTY, OfferRecord::resources, Resources::plus)));
  }

  /** The full state; {@code startTime} is when this master process started. */
  public ObjectNode state(Instant startTime) {
    MasterInfo info = view.masterInfo();
    ObjectNode m = JSON.objectNode();
    m.put("version", info.getVersion());
    m.put("id", info.getId());
    m.put("pid", info.getPid());
    m.put("hostname", info.getHostname());
    m.put("cluster", view.properties().cluster());
    m.put("start_time", AgentJson.seconds(startTime));
    m.put("elected_time", AgentJson.seconds(view.electedTime()));
    m.put("leader", info.getPid());
    m.set("leader_info", ProtoJson.of(info));
    if (info.hasDomain()) {
      m.set("domain", ProtoJson.of(info.getDomain()));
    }
    List<AgentRecord> registered = registeredAgents();
    long active = registered.stream().filter(AgentJson::active).count();
    m.put("activated_slaves", active);
    m.put("deactivated_slaves", registered.size() - active);
    m.put("unreachable_slaves", view.agents().size() - registered.size());
    m.set("flags", FlagsJson.of(view.properties()));
    m.set("slaves", agents(registered));
    m.set("frameworks", frameworks());
    m.set("completed_frameworks", completedFrameworks());
    return m;
  }

  /** {@code /master/slaves}: registered agents, and agents recovered but not re-registered. */
  public ObjectNode slaves() {
    ObjectNode m = JSON.objectNode();
    m.set("slaves", agents(registeredAgents()));
    m.putArray("recovered_slaves");
    return m;
  }

  /** {@code /master/frameworks}. */
  public ObjectNode frameworksDocument() {
    ObjectNode m = JSON.objectNode();
    m.set("frameworks", frameworks());
    m.set("completed_frameworks", completedFrameworks());
    m.putArray("unregistered_frameworks");
    return m;
  }

  /** {@code /master/state-summary}: agents and frameworks with task counters, without tasks. */
  public ObjectNode summary() {
    Map<String, Map<TaskState, Integer>> byAgent = new HashMap<>();
    Map<String, Set<String>> frameworksOnAgent = new HashMap<>();
    ArrayNode frameworks = JSON.arrayNode();
    for (FrameworkRecord f : view.frameworks()) {
      Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
      Set<String> agentIds = new LinkedHashSet<>();
      for (TaskRecord t : f.tasks.values()) {
        counts.merge(t.state(), 1, Integer::sum);
        byAgent
            .computeIfAbsent(t.agentId, a -> new EnumMap<>(TaskState.class))
            .merge(t.state(), 1, Integer::sum);
        frameworksOnAgent.computeIfAbsent(t.agentId, a -> new LinkedHashSet<>()).add(f.id);
        agentIds.add(t.agentId);
      }
      for (Task t : f.completedTasks) {
        counts.merge(t.getState(), 1, Integer::sum);
        byAgent
            .computeIfAbsent(t.getAgentId().getValue(), a -> new EnumMap<>(TaskState.class))
            .merge(t.getState(), 1, Integer::sum);
      }
      ObjectNode s = FrameworkJson.info(f.info, f.id, f.roles());
      s.put("active", f.connected());
      s.put("connected", f.connected());
      s.put("recovered", !f.subscribed);
      s.set("used_resources", ResourcesJson.of(FrameworkJson.used(f)));
      s.set("offered_resources", ResourcesJson.of(FrameworkJson.offered(f)));
      putCounts(s, counts);
      ArrayNode ids = s.putArray("slave_ids");
      agentIds.forEach(ids::add);
      frameworks.add(s);
    }
    ArrayNode agents = JSON.arrayNode();
    for (AgentRecord a : registeredAgents()) {
      ObjectNode s = AgentJson.of(a, offered(a));
      putCounts(s, byAgent.getOrDefault(a.id, Map.of()));
      ArrayNode ids = s.putArray("framework_ids");
      frameworksOnAgent.getOrDefault(a.id, Set.of()).forEach(ids::add);
      agents.add(s);
    }
    ObjectNode m = JSON.objectNode();
    m.put("hostname", view.masterInfo().getHostname());
    m.put("cluster", view.properties().cluster());
    m.set("slaves", agents);
    m.set("frameworks", frameworks);
    return m;
  }

  private static void putCounts(ObjectNode target, Map<TaskState, Integer> counts) {
    for (TaskState state : TaskState.values()) {
      if (state != TaskState.UNRECOGNIZED) {
        target.put(state.name(), counts.getOrDefault(state, 0));
      }
    }
  }

  private List<AgentRecord> registeredAgents() {
    return view.agents().stream().filter(a -> a.reachable).toList();
  }

  private Resources offered(AgentRecord a) {
    return offeredByAgent.getOrDefault(a.id, Resources.EMPTY);
  }

  private ArrayNode agents(List<AgentRecord> agents) {
    ArrayNode out = JSON.arrayNode();
    agents.forEach(a -> out.add(AgentJson.of(a, offered(a))));
    return out;
  }

  private ArrayNode frameworks() {
    ArrayNode out = JSON.arrayNode();
    view.frameworks().forEach(f -> out.add(FrameworkJson.of(f)));
    return out;
  }

  private ArrayNode completedFrameworks() {
    ArrayNode out = JSON.arrayNode();
    for (FrameworkInfo info : view.completedFrameworks()) {
      out.add(FrameworkJson.completed(info));
    }
    return out;
  }
}
