package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.model.ResourceSummary;
import io.dcos.kernel.model.Resources;
import java.util.Map;

/**
 * Resources in the shape of Mesos's state endpoints: one number per scalar ({@code cpus}, {@code
 * mem}, {@code disk}, {@code gpus} always present) and ranges as text ({@code "[31000-32000]"}).
 */
public final class ResourcesJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ResourcesJson() {}

  public static ObjectNode of(Resources resources) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, Object> e : ResourceSummary.of(resources).entrySet()) {
      if (e.getValue() instanceof Number n) {
        out.put(e.getKey(), n.doubleValue());
      } else {
        out.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return out;
  }

  /** Reserved resources by role, as Mesos's {@code reserved_resources}: {@code {"db": {...}}}. */
  public static ObjectNode byRole(Resources resources) {
    ObjectNode out = JSON.objectNode();
    for (String role : resources.reservedRoles()) {
      out.set(role, of(resources.reservedTo(role)));
    }
    return out;
  }

  /** Sums resources; for totals over agents, tasks and offers. */
  public static Resources sum(Iterable<Resources> parts) {
    Resources.Builder b = Resources.builder();
    for (Resources r : parts) {
      b.add(r);
    }
    return b.build();
  }
}
