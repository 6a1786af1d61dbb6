package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.marathon.core.deployment.ActionProgress;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.placement.AgentPlace;
import io.dcos.marathon.core.placement.MatchResult;
import io.dcos.marathon.core.placement.OfferMatcher;
import io.dcos.marathon.core.placement.OfferView;
import io.dcos.marathon.core.placement.ResourceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Places the instances the launch queue wants on a batch of offers: decisions only, nothing is
 * stored or sent. Invariant: an offer's tasks never take more than the offer holds, and every
 * placement keeps the app's constraints against the instances already placed.
 */
final class OfferPlacement {
  /** The tasks to launch on one offer and the instances they start. */
  record Launch(Offer offer, List<TaskInfo> tasks, List<Instance> instances) {}

  /** What to launch, and the offers nothing was placed on. */
  record Result(List<Launch> launches, List<OfferID> unused) {}

  private OfferPlacement() {}

  static Result place(
      List<Offer> offers,
      Map<AppDefinition, Integer> wanted,
      Map<PathId, List<AgentPlace>> placed,
      String role,
      Instant now,
      Supplier<UUID> ids) {
    Map<AppDefinition, Integer> left = new LinkedHashMap<>(wanted);
    List<Launch> launches = new ArrayList<>();
    List<OfferID> unused = new ArrayList<>();
    for (Offer offer : offers) {
      OfferView view = OfferViews.of(offer);
      List<TaskInfo> tasks = new ArrayList<>();
      List<Instance> launched = new ArrayList<>();
      for (Map.Entry<AppDefinition, Integer> e : left.entrySet()) {
        AppDefinition app = e.getKey();
        ResourceRequest request = ResourceRequests.of(app, role);
        List<AgentPlace> appPlaced = placed.computeIfAbsent(app.id(), k -> new ArrayList<>());
        while (e.getValue() > 0) {
          MatchResult result = OfferMatcher.match(view, request, appPlaced);
          if (!(result instanceof MatchResult.Match m)) {
            break;
          }
          Instance instance =
              Instance.provisioned(
                  InstanceId.of(app.id(), ids.get()),
                  ActionProgress.version(app),
                  view.place(),
                  m.hostPorts(),
                  now);
          tasks.add(TaskInfos.build(app, instance, offer, m.takes()));
          launched.add(instance);
          appPlaced.add(view.place());
          view = OfferMatcher.remainder(m);
          e.setValue(e.getValue() - 1);
        }
      }
      if (tasks.isEmpty()) {
        unused.add(offer.getId());
      } else {
        launches.add(new Launch(offer, List.copyOf(tasks), List.copyOf(launched)));
      }
    }
    return new Result(List.copyOf(launches), List.copyOf(unused));
  }
}
