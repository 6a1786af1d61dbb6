package io.dcos.kernel.master.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mesos's {@code /master/roles}: every role that has a subscribed framework, a weight, a quota, a
 * reservation or allocated resources, with its {@code weight}, {@code quota} (guarantee and limit
 * by resource name), {@code frameworks}, and resources {@code allocated} to tasks, {@code offered},
 * {@code reserved}, and {@code resources} (allocated plus offered). Must be used inside {@code
 * Master.query}.
 */
public final class RolesJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RolesJson() {}

  public static ObjectNode of(ClusterView view) {
    Map<String, RoleTotals> roles = new TreeMap<>();
    view.weights().keySet().forEach(r -> role(roles, r));
    view.quotas().keySet().forEach(r -> role(roles, r));
    for (FrameworkRecord f : view.frameworks()) {
      Set<String> frameworkRoles = f.roles();
      frameworkRoles.forEach(r -> role(roles, r).frameworks.add(f.id));
      String defaultRole = frameworkRoles.iterator().next();
      for (TaskRecord t : f.tasks.values()) {
        if (!t.terminal()) {
          String r = t.task.getRole().isEmpty() ? defaultRole : t.task.getRole();
          RoleTotals totals = role(roles, r);
          totals.allocated = totals.allocated.plus(t.resources);
        }
      }
    }
    for (OfferRecord o : view.offers()) {
      RoleTotals totals = role(roles, o.role());
      totals.offered = totals.offered.plus(o.resources());
    }
    for (AgentRecord a : view.agents()) {
      if (!a.reachable) {
        continue;
      }
      for (String r : a.total.reservedRoles()) {
        RoleTotals totals = role(roles, r);
        totals.reserved = totals.reserved.plus(a.total.reservedTo(r));
      }
    }
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray("roles");
    roles.forEach(
        (name, totals) -> {
          ObjectNode r = list.addObject();
          r.put("name", name);
          r.put("weight", view.weights().getOrDefault(name, 1.0));
          r.set(
              "quota",
              RoleSettingsJson.roleQuota(name, view.quotas().getOrDefault(name, Quota.NONE)));
          ArrayNode frameworks = r.putArray("frameworks");
          totals.frameworks.forEach(frameworks::add);
          r.set("resources", ResourcesJson.of(totals.allocated.plus(totals.offered)));
          r.set("allocated", ResourcesJson.of(totals.allocated));
          r.set("offered", ResourcesJson.of(totals.offered));
          r.set("reserved", ResourcesJson.of(totals.reserved));
        });
    return out;
  }

  private static RoleTotals role(Map<String, RoleTotals> roles, String name) {
    return roles.computeIfAbsent(name, n -> new RoleTotals());
  }

  private static final class RoleTotals {
    final List<String> frameworks = new ArrayList<>();
    Resources allocated = Resources.EMPTY;
    Resources offered = Resources.EMPTY;
    Resources reserved = Resources.EMPTY;
  }
}
