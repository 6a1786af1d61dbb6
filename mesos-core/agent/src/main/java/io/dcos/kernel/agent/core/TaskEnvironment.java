package io.dcos.kernel.agent.core;

import io.dcos.kernel.protocol.Environment;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a task starts with, as Mesos's command executor gives it: {@code MESOS_*}
 * variables, {@code HOST}, {@code PORT0..n}/{@code PORTS}/{@code PORT} from the task's port
 * resources in the order the task listed them, then the task's own variables, which win.
 */
public final class TaskEnvironment {
  private TaskEnvironment() {}

  public static Map<String, String> build(
      TaskInfo task,
      String frameworkId,
      String agentId,
      String containerId,
      String executorId,
      String sandbox,
      String host) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MESOS_SANDBOX", sandbox);
    env.put("MESOS_DIRECTORY", sandbox);
    env.put("MESOS_TASK_ID", task.getTaskId().getValue());
    env.put("MESOS_FRAMEWORK_ID", frameworkId);
    env.put("MESOS_AGENT_ID", agentId);
    env.put("MESOS_SLAVE_ID", agentId);
    env.put("MESOS_EXECUTOR_ID", executorId);
    env.put("MESOS_CONTAINER_NAME", "mesos-" + containerId);
    env.put("MESOS_CONTAINER_IP", host);
    env.put("HOST", host);
    env.put("LIBPROCESS_IP", host);
    List<Long> ports = ports(task);
    List<String> portTexts = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      env.put("PORT" + i, Long.toString(ports.get(i)));
      portTexts.add(Long.toString(ports.get(i)));
    }
    if (!ports.isEmpty()) {
      env.put("PORT", Long.toString(ports.get(0)));
      env.put("PORTS", String.join(",", portTexts));
    }
    for (Environment.Variable v : task.getCommand().getEnvironment().getVariablesList()) {
      env.put(v.getName(), v.getValue());
    }
    return env;
  }

  /** The task's ports in the order its resources list them. */
  public static List<Long> ports(TaskInfo task) {
    List<Long> ports = new ArrayList<>();
    for (Resource r : task.getResourcesList()) {
      if (r.getName().equals("ports") && r.getType() == Value.Type.RANGES) {
        for (Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd(); p++) {
            ports.add(p);
          }
        }
      }
    }
    return ports;
  }
}
