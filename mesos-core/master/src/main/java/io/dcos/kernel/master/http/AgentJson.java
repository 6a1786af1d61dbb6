package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.Value;
import java.time.Instant;
import java.util.List;

/**
 * An agent as Mesos's {@code /master/state} and {@code /master/slaves} show it: identity, {@code
 * attributes}, and its {@code resources} split into used, offered, reserved (by role) and
 * unreserved.
 */
public final class AgentJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AgentJson() {}

  /**
   * Renders an agent.
   *
   * @param offered resources of this agent currently held in outstanding offers
   */
  public static ObjectNode of(AgentRecord agent, Resources offered) {
    ObjectNode m = JSON.objectNode();
    m.put("id", agent.id);
    m.put("pid", agent.pid());
    m.put("hostname", agent.info.getHostname());
    m.put("port", agent.info.getPort());
    m.set("attributes", attributes(agent.info.getAttributesList()));
    if (agent.info.hasDomain()) {
      m.set("domain", ProtoJson.of(agent.info.getDomain()));
    }
    m.put("registered_time", seconds(agent.registeredTime));
    m.set("resources", ResourcesJson.of(agent.total));
    m.set("used_resources", ResourcesJson.of(agent.used()));
    m.set("offered_resources", ResourcesJson.of(offered));
    m.set("reserved_resources", ResourcesJson.byRole(agent.total));
    m.set("unreserved_resources", ResourcesJson.of(agent.total.unreserved()));
    m.put("active", active(agent));
    m.put("deactivated", false);
    m.put("version", agent.version);
    m.putArray("capabilities");
    return m;
  }

  /** Active agents are reachable and have a stream to this master. */
  static boolean active(AgentRecord agent) {
    return agent.reachable && agent.link != null;
  }

  /** Attributes as Mesos writes them: numbers for scalars, text for the rest. */
  static ObjectNode attributes(List<Attribute> attributes) {
    ObjectNode out = JSON.objectNode();
    for (Attribute a : attributes) {
      if (a.getType() == Value.Type.SCALAR) {
        out.put(a.getName(), a.getScalar().getValue());
      } else {
        out.put(a.getName(), AttributeText.valueOf(a));
      }
    }
    return out;
  }

  /** Mesos writes times as seconds since the epoch with a fraction. */
  static double seconds(Instant time) {
    return time == null ? 0 : time.toEpochMilli() / 1000.0;
  }
}
