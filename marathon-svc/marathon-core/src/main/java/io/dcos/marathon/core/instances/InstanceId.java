package io.dcos.marathon.core.instances;

import io.dcos.marathon.core.model.PathId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An instance's id, Marathon style: {@code <app path with _>.instance-<uuid>}; its tasks are named
 * {@code <instance id>._app.<incarnation>}. Invariant: {@link #parseTaskId} inverts {@link
 * #taskId}.
 */
public record InstanceId(PathId appId, String uuid) {
  private static final String MARK = ".instance-";
  private static final String TASK_MARK = "._app.";

  public InstanceId {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(uuid, "uuid");
  }

  /** A new id for an instance of {@code appId}; the uuid is chosen by the caller. */
  public static InstanceId of(PathId appId, UUID uuid) {
    return new InstanceId(appId, uuid.toString());
  }

  /** The id of this instance's task of the given incarnation (1 for the first). */
  public String taskId(int incarnation) {
    return this + TASK_MARK + incarnation;
  }

  /** The instance id and incarnation a Marathon task id names, if it is one. */
  public static Optional<TaskRef> parseTaskId(String taskId) {
    int task = taskId.lastIndexOf(TASK_MARK);
    if (task < 0) {
      return Optional.empty();
    }
    Optional<InstanceId> id = parse(taskId.substring(0, task));
    try {
      int incarnation = Integer.parseInt(taskId.substring(task + TASK_MARK.length()));
      return id.map(i -> new TaskRef(i, incarnation));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses {@code <app path with _>.instance-<uuid>}. */
  public static Optional<InstanceId> parse(String text) {
    int mark = text.lastIndexOf(MARK);
    if (mark <= 0) {
      return Optional.empty();
    }
    String path = text.substring(0, mark).replace('_', '/');
    return Optional.of(new InstanceId(PathId.parse(path), text.substring(mark + MARK.length())));
  }

  @Override
  public String toString() {
    return appId.safePath() + MARK + uuid;
  }

  /** A task id split into its instance and incarnation. */
  public record TaskRef(InstanceId instanceId, int incarnation) {}
}
