package io.dcos.marathon.server.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.deployment.DeploymentPlanner;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.server.store.DeploymentRepository.StoredDeployment;
import io.dcos.marathon.server.store.GroupRepository;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores a running deployment as the versions of its two root groups and its current step; the plan
 * itself is recomputed by the pure planner on load, which gives the same steps.
 */
final class PlanRecords {
  private final ObjectMapper mapper;
  private final GroupRepository groups;

  PlanRecords(ObjectMapper mapper, GroupRepository groups) {
    this.mapper = mapper;
    this.groups = groups;
  }

  record PlanRow(String id, Instant originalVersion, Instant targetVersion, int step) {}

  StoredDeployment toRow(RunningDeployment d) {
    PlanRow row =
        new PlanRow(
            d.plan().id(), d.plan().original().version(), d.plan().target().version(), d.step());
    try {
      return new StoredDeployment(
          d.plan().id(), d.plan().version(), mapper.writeValueAsString(row));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The deployment, or empty when one of its root group versions is no longer kept. */
  Optional<RunningDeployment> fromRow(StoredDeployment stored) {
    try {
      PlanRow row = mapper.readValue(stored.planJson(), PlanRow.class);
      Optional<RootGroup> original = groups.rootAt(row.originalVersion());
      Optional<RootGroup> target = groups.rootAt(row.targetVersion());
      if (original.isEmpty() || target.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RunningDeployment(
              DeploymentPlanner.plan(row.id(), original.get(), target.get()), row.step()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
