package io.dcos.kernel.master.http;

import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The master's metrics under Mesos's names ({@code master/elected}, {@code master/tasks_running},
 * {@code master/cpus_percent}, ...). A standby reports only {@code master/elected} (0) and {@code
 * master/uptime_secs}. Counters of live task states count the tasks in them now; counters of
 * terminal states count every task that ended since this master was elected, as in Mesos.
 */
public final class MasterMetrics {
  private static final String[] RESOURCES = {"cpus", "mem", "disk", "gpus"};

  /** Every metric a leader reports, in the order of the snapshot. */
  public static final List<String> LEADER_NAMES = leaderNames();

  private MasterMetrics() {}

  private static List<String> leaderNames() {
    List<String> names = new ArrayList<>();
    names.add("master/elected");
    names.add("master/uptime_secs");
    for (String s : new String[] {"active", "connected", "disconnected", "inactive"}) {
      names.add("master/slaves_" + s);
    }
    names.add("master/slaves_unreachable");
    for (String s : new String[] {"active", "connected", "disconnected", "inactive"}) {
      names.add("master/frameworks_" + s);
    }
    for (TaskState state : TaskState.values()) {
      if (state != TaskState.UNRECOGNIZED) {
        names.add(taskMetric(state));
      }
    }
    for (String r : RESOURCES) {
      names.add("master/" + r + "_total");
      names.add("master/" + r + "_used");
      names.add("master/" + r + "_percent");
    }
    names.add("master/outstanding_offers");
    names.add("master/operator_event_stream_subscribers");
    return Collections.unmodifiableList(names);
  }

  /** {@code master/tasks_running} for TASK_RUNNING. */
  static String taskMetric(TaskState state) {
    return "master/tasks_" + state.name().substring("TASK_".length()).toLowerCase(Locale.ROOT);
  }

  /** The metrics of a master that is not leading. */
  public static Map<String, Double> standby(Instant startTime, Instant now) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("master/elected", 0.0);
    m.put("master/uptime_secs", uptime(startTime, now));
    return m;
  }

  /** The metrics of the leader; must be called inside {@code Master.query}. */
  public static Map<String, Double> leading(ClusterView view, Instant startTime) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("master/elected", 1.0);
    m.put("master/uptime_secs", uptime(startTime, view.now()));

    int registered = 0;
    int active = 0;
    int connected = 0;
    int unreachable = 0;
    Resources total = Resources.EMPTY;
    Resources used = Resources.EMPTY;
    for (AgentRecord a : view.agents()) {
      if (!a.reachable) {
        unreachable++;
        continue;
      }
      registered++;
      active += AgentJson.active(a) ? 1 : 0;
      connected += a.link != null ? 1 : 0;
      total = total.plus(a.total);
      used = used.plus(a.used());
    }
    m.put("master/slaves_active", (double) active);
    m.put("master/slaves_connected", (double) connected);
    m.put("master/slaves_disconnected", (double) (registered - connected));
    m.put("master/slaves_inactive", (double) (registered - active));
    m.put("master/slaves_unreachable", (double) unreachable);

    int frameworks = view.frameworks().size();
    int frameworksConnected = 0;
    Map<TaskState, Integer> tasks = new EnumMap<>(TaskState.class);
    for (FrameworkRecord f : view.frameworks()) {
      frameworksConnected += f.connected() ? 1 : 0;
      for (TaskRecord t : f.tasks.values()) {
        tasks.merge(t.state(), 1, Integer::sum);
      }
    }
    m.put("master/frameworks_active", (double) frameworksConnected);
    m.put("master/frameworks_connected", (double) frameworksConnected);
    m.put("master/frameworks_disconnected", (double) (frameworks - frameworksConnected));
    m.put("master/frameworks_inactive", (double) (frameworks - frameworksConnected));
    for (TaskState state : TaskState.values()) {
      if (state == TaskState.UNRECOGNIZED) {
        continue;
      }
      // Live states count the tasks in them now; terminal ones every task that ended this term.
      double value =
          TaskStates.isTerminal(state)
              ? view.terminalTaskCounts().getOrDefault(state, 0L)
              : tasks.getOrDefault(state, 0);
      m.put(taskMetric(state), value);
    }
    for (String r : RESOURCES) {
      double t = total.scalar(r);
      double u = used.scalar(r);
      m.put("master/" + r + "_total", t);
      m.put("master/" + r + "_used", u);
      m.put("master/" + r + "_percent", t == 0 ? 0.0 : u / t);
    }
    m.put("master/outstanding_offers", (double) view.offers().size());
    m.put("master/operator_event_stream_subscribers", (double) view.operatorSubscribers());
    return m;
  }

  private static double uptime(Instant startTime, Instant now) {
    return Duration.between(startTime, now).toMillis() / 1000.0;
  }
}
