package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.protocol.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parameters of Mesos's {@code /master/tasks}: {@code limit} (default 100), {@code offset},
 * {@code order} ({@code asc}, or {@code des}/{@code desc}, the default) by start time, and the
 * {@code framework_id} and {@code task_id} filters. Only the selected page is rendered.
 */
public record TaskQuery(
    int limit, int offset, boolean ascending, String frameworkId, String taskId) {
  public static final int DEFAULT_LIMIT = 100;

  /** Parses the raw parameters; throws {@link InvalidQueryException} naming the wrong one. */
  public static TaskQuery parse(
      String limit, String offset, String order, String frameworkId, String taskId) {
    boolean ascending;
    if (order == null || order.equals("des") || order.equals("desc")) {
      ascending = false;
    } else if (order.equals("asc")) {
      ascending = true;
    } else {
      throw new InvalidQueryException("order must be 'asc' or 'desc', got '" + order + "'");
    }
    return new TaskQuery(
        count("limit", limit, DEFAULT_LIMIT),
        count("offset", offset, 0),
        ascending,
        frameworkId,
        taskId);
  }

  private static int count(String name, String value, int absent) {
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the parameter's name
    }
    throw new InvalidQueryException(name + " must be a non-negative integer, got '" + value + "'");
  }

  /** {@code {"tasks": [...]}} for the selected page of the leader's live and completed tasks. */
  public ObjectNode select(ClusterView view) {
    List<Candidate> candidates = new ArrayList<>();
    for (FrameworkRecord f : view.frameworks()) {
      if (frameworkId != null && !frameworkId.equals(f.id)) {
        continue;
      }
      for (TaskRecord t : f.tasks.values()) {
        add(candidates, t.task, () -> TaskJson.of(t));
      }
      for (Task t : f.completedTasks) {
        add(candidates, t, () -> TaskJson.of(t));
      }
    }
    Comparator<Candidate> byStart =
        Comparator.comparingDouble(Candidate::startTime).thenComparing(Candidate::id);
    candidates.sort(ascending ? byStart : byStart.reversed());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode tasks = out.putArray("tasks");
    candidates.stream().skip(offset).limit(limit).forEach(c -> tasks.add(c.render().get()));
    return out;
  }

  private void add(List<Candidate> candidates, Task task, Supplier<ObjectNode> render) {
    String id = task.getTaskId().getValue();
    if (taskId != null && !taskId.equals(id)) {
      return;
    }
    double start = task.getStatusesCount() == 0 ? 0 : task.getStatuses(0).getTimestamp();
    candidates.add(new Candidate(start, id, render));
  }

  private record Candidate(double startTime, String id, Supplier<ObjectNode> render) {}
}
