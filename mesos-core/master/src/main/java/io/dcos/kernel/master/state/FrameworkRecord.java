package io.dcos.kernel.master.state;

import io.dcos.kernel.model.Roles;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Task;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A framework as the leading master knows it. Invariant: {@code link} is non-null exactly while the
 * framework's scheduler is connected; a framework without a link is removed once its failover
 * timeout has passed since {@code disconnectedSince}.
 */
public final class FrameworkRecord {
  public final String id;
  public FrameworkInfo info;
  public FrameworkLink link;
  public Instant registeredTime;
  public Instant reregisteredTime;
  public Instant disconnectedSince;

  /** False until the scheduler has subscribed to this master (placeholders come from agents). */
  public boolean subscribed;

  public final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
  public final Map<String, OfferRecord> offers = new LinkedHashMap<>();
  public final Deque<Task> completedTasks = new ArrayDeque<>();

  public FrameworkRecord(String id, FrameworkInfo info, Instant now) {
    this.id = id;
    this.info = info;
    this.registeredTime = now;
  }

  public boolean connected() {
    return link != null;
  }

  /** The roles the framework is subscribed with: {@code roles}, else {@code role}, else "*". */
  public Set<String> roles() {
    return rolesOf(info);
  }

  public static Set<String> rolesOf(FrameworkInfo info) {
    Set<String> roles = new LinkedHashSet<>();
    if (info.getRolesCount() > 0) {
      roles.addAll(info.getRolesList());
    } else if (!info.getRole().isEmpty()) {
      roles.add(info.getRole());
    } else {
      roles.add(Roles.DEFAULT);
    }
    return roles;
  }

  public boolean hasCapability(FrameworkInfo.Capability.Type type) {
    return info.getCapabilitiesList().stream().anyMatch(c -> c.getType() == type);
  }

  public boolean partitionAware() {
    return hasCapability(FrameworkInfo.Capability.Type.PARTITION_AWARE);
  }

  /** Failover timeout in seconds (0 when the framework did not set one, as in Mesos). */
  public double failoverTimeoutSeconds() {
    return info.hasFailoverTimeout() ? info.getFailoverTimeout() : 0;
  }

  public void complete(TaskRecord task, int keep) {
    tasks.remove(task.key.taskId());
    if (keep <= 0) {
      return;
    }
    completedTasks.addLast(task.task);
    while (completedTasks.size() > keep) {
      completedTasks.removeFirst();
    }
  }
}
