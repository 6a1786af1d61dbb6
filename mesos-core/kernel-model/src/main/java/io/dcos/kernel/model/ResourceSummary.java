package io.dcos.kernel.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resources in the shape Mesos's state endpoints use: one entry per name with the total over roles,
 * scalars as numbers and ranges as text, for example {@code {"cpus": 4.0, "mem": 1024.0, "ports":
 * "[31000-32000]"}}. The standard scalars are always present.
 */
public final class ResourceSummary {
  private ResourceSummary() {}

  public static Map<String, Object> of(Resources resources) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : new String[] {"cpus", "disk", "gpus", "mem"}) {
      out.put(name, resources.scalar(name));
    }
    for (String name : resources.names()) {
      if (out.containsKey(name)) {
        continue;
      }
      ValueRanges ranges = resources.ranges(name);
      if (!ranges.isEmpty()) {
        out.put(name, ranges.toString());
      } else {
        out.put(name, resources.scalar(name));
      }
    }
    return out;
  }
}
