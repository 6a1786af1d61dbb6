package io.dcos.marathon.core.deployment;

import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import java.util.List;

/**
 * What the executor must do now for one action: have {@code queued} instances of {@code launch}
 * waiting for offers and stop {@code kill}. Invariant: {@code done} orders never launch or kill.
 */
public record ActionOrders(AppDefinition launch, int queued, List<Instance> kill, boolean done) {
  public ActionOrders {
    kill = List.copyOf(kill);
    if (done && (queued > 0 || !kill.isEmpty())) {
      throw new IllegalArgumentException("a done action orders nothing");
    }
  }

  static ActionOrders finished(AppDefinition app) {
    return new ActionOrders(app, 0, List.of(), true);
  }
}
