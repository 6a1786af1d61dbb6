package io.dcos.jobs.api.metronome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The JSON documents of the Metronome {@code /v1} API; fields are null when absent. */
public final class MetronomeJson {
  private MetronomeJson() {}

  /** A job as Metronome shows and accepts it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Job(
      String id,
      String description,
      Map<String, String> labels,
      Run run,
      List<Dependency> dependencies,
      List<Schedule> schedules,
      List<RunView> activeRuns,
      History history,
      History historySummary) {}

  /** {@code {"id": ...}} of a parent job. */
  public record Dependency(String id) {}

  /** What a run launches. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      String cmd,
      List<String> args,
      Double cpus,
      Double mem,
      Double disk,
      Double gpus,
      String user,
      Map<String, Object> env,
      List<Artifact> artifacts,
      Docker docker,
      Placement placement,
      Integer maxLaunchDelay,
      Integer taskKillGracePeriodSeconds,
      Restart restart,
      List<Volume> volumes) {}

  /** A host path mounted into the Docker container; {@code mode} is {@code RW} or {@code RO}. */
  public record Volume(String containerPath, String hostPath, String mode) {}

  public record Artifact(String uri, Boolean extract, Boolean executable, Boolean cache) {}

  public record Docker(
      String image, Boolean forcePullImage, Boolean privileged, List<Parameter> parameters) {}

  public record Parameter(String key, String value) {}

  public record Placement(List<Constraint> constraints) {}

  public record Constraint(String attribute, String operator, String value) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Restart(String policy, Long activeDeadlineSeconds) {}

  /**
   * A schedule: a 5-field {@code cron}, or (an extension for jobs scheduled through the Chronos
   * API) an ISO 8601 repeating interval in {@code iso8601}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Schedule(
      String id,
      String cron,
      String iso8601,
      String timezone,
      Long startingDeadlineSeconds,
      String concurrencyPolicy,
      Boolean enabled,
      String nextRunAt) {}

  /**
   * A run with its tasks; {@code failureReason} (an extension) says why the service stopped it, for
   * a run over its {@code maxLaunchDelay} or Chronos {@code maxCompletionTime}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunView(
      String id,
      String jobId,
      String status,
      String createdAt,
      String completedAt,
      List<TaskView> tasks,
      String failureReason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskView(String id, String startedAt, String completedAt, String status) {}

  /** History or, without the run lists, history summary. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record History(
      long successCount,
      long failureCount,
      String lastSuccessAt,
      String lastFailureAt,
      List<FinishedRun> successfulFinishedRuns,
      List<FinishedRun> failedFinishedRuns) {}

  /** A finished run in the history; {@code failureReason} as in {@link RunView}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FinishedRun(
      String id, String createdAt, String finishedAt, List<String> tasks, String failureReason) {}
}
