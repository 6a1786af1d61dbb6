package io.dcos.kernel.master.state;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.AgentInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent as the leading master knows it. Invariant: {@code tasks} holds the non-removed tasks
 * that run on this agent, keyed by {@link TaskKey}; {@code link} is null while the agent has no
 * stream to this master (after a failover, until it re-registers).
 */
public final class AgentRecord {
  public final String id;
  public AgentInfo info;
  public Resources total;
  public int httpPort;
  public String version = "";
  public AgentLink link;
  public Instant registeredTime;
  public Instant lastHeartbeat;
  public boolean reachable = true;
  public Instant unreachableSince;
  public final Map<TaskKey, TaskRecord> tasks = new LinkedHashMap<>();

  public AgentRecord(String id, AgentInfo info, Resources total, Instant now) {
    this.id = id;
    this.info = info;
    this.total = total;
    this.registeredTime = now;
    this.lastHeartbeat = now;
  }

  /** Mesos's libprocess-style pid of the agent, for example {@code slave(1)@127.0.0.2:5051}. */
  public String pid() {
    return "slave(1)@" + info.getHostname() + ":" + info.getPort();
  }

  /** Resources held by the agent's live tasks. */
  public Resources used() {
    Resources.Builder b = Resources.builder();
    for (TaskRecord t : tasks.values()) {
      if (!t.terminal()) {
        b.add(t.resources);
      }
    }
    return b.build();
  }
}
