package io.dcos.jobs.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job as both APIs see it: what to run, when (schedules) or after what (parents). Invariant: a
 * job has schedules or parents, never both; the dependency graph of all jobs is acyclic (checked by
 * {@code DependencyGraph} before a job is stored).
 *
 * @param id unique name, Chronos {@code name} and Metronome {@code id}
 * @param softError dependents fire even after this job failed
 * @param owner who to tell about failures (Chronos {@code owner}, comma-separated addresses)
 * @param ownerName the owner's name (Chronos {@code ownerName})
 */
public record JobSpec(
    String id,
    String description,
    Map<String, String> labels,
    List<ScheduleSpec> schedules,
    List<String> parents,
    RunSpec run,
    boolean softError,
    String owner,
    String ownerName) {
  public JobSpec {
    labels = Map.copyOf(labels);
    schedules = List.copyOf(schedules);
    parents = List.copyOf(parents);
    description = description == null ? "" : description;
    owner = owner == null ? "" : owner;
    ownerName = ownerName == null ? "" : ownerName;
  }

  /** The schedule with id {@code scheduleId}. */
  public Optional<ScheduleSpec> schedule(String scheduleId) {
    return schedules.stream().filter(s -> s.id().equals(scheduleId)).findFirst();
  }

  public JobSpec withSchedules(List<ScheduleSpec> next) {
    return new JobSpec(id, description, labels, next, parents, run, softError, owner, ownerName);
  }

  public boolean isDependent() {
    return !parents.isEmpty();
  }
}
