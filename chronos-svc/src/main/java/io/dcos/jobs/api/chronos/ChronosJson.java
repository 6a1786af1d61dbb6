package io.dcos.jobs.api.chronos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON documents of the Chronos API; fields are null when absent. */
public final class ChronosJson {
  private ChronosJson() {}

  /**
   * A Chronos job, scheduled ({@code schedule}) or dependent ({@code parents}). {@code schedule} is
   * an ISO 8601 repeating interval, or {@code cron:<5-field expression>} for a cron schedule read
   * in {@code scheduleTimeZone}; {@code maxCompletionTime} is in milliseconds.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Job(
      String name,
      String command,
      Boolean shell,
      List<String> arguments,
      String schedule,
      String scheduleTimeZone,
      List<String> parents,
      String epsilon,
      Integer retries,
      String owner,
      String ownerName,
      String description,
      Double cpus,
      Double mem,
      Double disk,
      Container container,
      Boolean disabled,
      Boolean concurrent,
      Boolean softError,
      List<EnvironmentVariable> environmentVariables,
      List<Fetch> fetch,
      List<String> uris,
      List<List<String>> constraints,
      String runAsUser,
      Long maxCompletionTime,
      Long successCount,
      Long errorCount,
      String lastSuccess,
      String lastError,
      Long errorsSinceLastSuccess) {}

  public record Container(
      String type,
      String image,
      Boolean forcePullImage,
      List<Volume> volumes,
      List<Parameter> parameters) {}

  /** A host path mounted into the container; {@code mode} is {@code RW} (default) or {@code RO}. */
  public record Volume(String containerPath, String hostPath, String mode) {}

  public record Parameter(String key, String value) {}

  public record EnvironmentVariable(String name, String value) {}

  public record Fetch(String uri, Boolean extract, Boolean executable, Boolean cache) {}

  /** {@code /job/stat/{name}}. */
  public record Stat(Histogram histogram, List<TaskStat> taskStatHistory) {}

  public record Histogram(
      @com.fasterxml.jackson.annotation.JsonProperty("75thPercentile") double p75,
      @com.fasterxml.jackson.annotation.JsonProperty("95thPercentile") double p95,
      @com.fasterxml.jackson.annotation.JsonProperty("98thPercentile") double p98,
      @com.fasterxml.jackson.annotation.JsonProperty("99thPercentile") double p99,
      double median,
      double mean,
      long count) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskStat(
      String taskId,
      String jobName,
      String slaveId,
      String startTime,
      String endTime,
      String duration,
      String status) {}
}
