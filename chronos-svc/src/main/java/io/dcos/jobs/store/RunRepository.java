package io.dcos.jobs.store;

import static io.dcos.jobs.store.JobRepository.instant;
import static io.dcos.jobs.store.JobRepository.ts;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.TaskRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs and their tasks in PostgreSQL: the claim of a due time, the live state of active runs and
 * the history of finished ones.
 */
public final class RunRepository {
  private final JdbcTemplate jdbc;

  public RunRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code run.dueAt()} for its job by inserting the run. False when that due time was
   * already claimed (by this or an earlier leader): the caller must not launch it.
   */
  public boolean claim(JobRun run) {
    int n =
        jdbc.update(
            "INSERT INTO runs (id, job_id, due_at, trigger_kind, status, created_at, arguments) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, due_at) DO NOTHING",
            run.id(),
            run.jobId(),
            ts(run.dueAt()),
            run.trigger().name(),
            run.status().name(),
            ts(run.createdAt()),
            run.arguments());
    return n == 1;
  }

  public void updateStatus(String runId, RunStatus status, Instant finishedAt) {
    jdbc.update(
        "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
        status.name(),
        ts(finishedAt),
        runId);
  }

  public void requestStop(String runId) {
    jdbc.update("UPDATE runs SET stop_requested = TRUE WHERE id = ?", runId);
  }

  public boolean stopRequested(String runId) {
    Boolean b =
        jdbc
            .query(
                "SELECT stop_requested FROM runs WHERE id = ?", (rs, i) -> rs.getBoolean(1), runId)
            .stream()
            .findFirst()
            .orElse(false);
    return b;
  }

  public void insertTask(TaskRecord t) {
    jdbc.update(
        "INSERT INTO tasks (id, run_id, attempt, agent_id, hostname, state, launched_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.runId(),
        t.attempt(),
        t.agentId(),
        t.hostname(),
        t.state(),
        ts(t.launchedAt()));
  }

  /** Records a task's new state; started/completed times are set once. */
  public void updateTask(
      String taskId, String state, Instant startedAt, Instant completedAt, String message) {
    jdbc.update(
        "UPDATE tasks SET state = ?, started_at = COALESCE(started_at, ?), "
            + "completed_at = COALESCE(completed_at, ?), message = ? WHERE id = ?",
        state,
        ts(startedAt),
        ts(completedAt),
        message,
        taskId);
  }

  public Optional<TaskRecord> task(String taskId) {
    return jdbc.query("SELECT * FROM tasks WHERE id = ?", RunRepository::task, taskId).stream()
        .findFirst();
  }

  /** The runs with these ids, with their tasks, in one round trip per table. */
  public Map<String, JobRun> findAll(Collection<String> runIds) {
    Map<String, JobRun> out = new LinkedHashMap<>();
    if (runIds.isEmpty()) {
      return out;
    }
    for (JobRun r : loadWith("SELECT * FROM runs WHERE id = ANY (?)", runIds)) {
      out.put(r.id(), r);
    }
    return out;
  }

  /**
   * Records launched tasks in one statement, only for runs that still exist and are not finished (a
   * run stopped or deleted meanwhile gets no task). Returns the ids of the tasks recorded: only
   * these may be launched.
   */
  public Set<String> insertTasksOfActiveRuns(List<TaskRecord> tasks) {
    Set<String> inserted = new HashSet<>();
    if (tasks.isEmpty()) {
      return inserted;
    }
    jdbc.query(
        "INSERT INTO tasks (id, run_id, attempt, agent_id, hostname, state, launched_at) "
            + "SELECT u.id, u.run_id, u.attempt, u.agent_id, u.hostname, u.state, "
            + "to_timestamp(u.launched_ms / 1000.0) FROM unnest(?::text[], ?::text[], ?::int[], "
            + "?::text[], ?::text[], ?::text[], ?::int8[]) "
            + "AS u(id, run_id, attempt, agent_id, hostname, state, launched_ms) "
            + "JOIN runs r ON r.id = u.run_id AND r.finished_at IS NULL RETURNING id",
        ps -> {
          Connection c = ps.getConnection();
          ps.setArray(1, c.createArrayOf("text", tasks.stream().map(TaskRecord::id).toArray()));
          ps.setArray(2, c.createArrayOf("text", tasks.stream().map(TaskRecord::runId).toArray()));
          ps.setArray(
              3, c.createArrayOf("int4", tasks.stream().map(TaskRecord::attempt).toArray()));
          ps.setArray(
              4, c.createArrayOf("text", tasks.stream().map(TaskRecord::agentId).toArray()));
          ps.setArray(
              5, c.createArrayOf("text", tasks.stream().map(TaskRecord::hostname).toArray()));
          ps.setArray(6, c.createArrayOf("text", tasks.stream().map(TaskRecord::state).toArray()));
          ps.setArray(
              7,
              c.createArrayOf(
                  "int8", tasks.stream().map(t -> t.launchedAt().toEpochMilli()).toArray()));
        },
        (ResultSet rs) -> {
          inserted.add(rs.getString(1));
        });
    return inserted;
  }

  /** Runs whose task was launched and that have not started yet show as STARTING. */
  public void markStarting(Collection<String> runIds) {
    if (!runIds.isEmpty()) {
      jdbc.update(
          "UPDATE runs SET status = 'STARTING' WHERE status = 'INITIAL' AND id = ANY (?)",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", runIds.toArray())));
    }
  }

  /** The tasks with these ids, by id, in one round trip. */
  public Map<String, TaskRecord> tasks(Collection<String> taskIds) {
    Map<String, TaskRecord> out = new LinkedHashMap<>();
    if (taskIds.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT * FROM tasks WHERE id = ANY (?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", taskIds.toArray())),
        (ResultSet rs) -> {
          TaskRecord t = task(rs, 0);
          out.put(t.id(), t);
        });
    return out;
  }

  /** A task's new live (not final) state, as written by {@link #updateLiveTasks}. */
  public record LiveTaskUpdate(String taskId, String state, Instant startedAt, String message) {}

  /**
   * Records the new state of live tasks in one statement; a start time is set once. Runs listed in
   * {@code startedRuns} become ACTIVE unless they are already ACTIVE or final.
   */
  public void updateLiveTasks(List<LiveTaskUpdate> updates, Collection<String> startedRuns) {
    if (!updates.isEmpty()) {
      jdbc.update(
          "UPDATE tasks t SET state = u.state, "
              + "started_at = COALESCE(t.started_at, to_timestamp(u.started_ms / 1000.0)), "
              + "message = u.message "
              + "FROM unnest(?::text[], ?::text[], ?::int8[], ?::text[]) "
              + "AS u(id, state, started_ms, message) WHERE t.id = u.id",
          ps -> {
            Connection c = ps.getConnection();
            ps.setArray(
                1, c.createArrayOf("text", updates.stream().map(LiveTaskUpdate::taskId).toArray()));
            ps.setArray(
                2, c.createArrayOf("text", updates.stream().map(LiveTaskUpdate::state).toArray()));
            ps.setArray(
                3,
                c.createArrayOf(
                    "int8",
                    updates.stream()
                        .map(u -> u.startedAt() == null ? null : u.startedAt().toEpochMilli())
                        .toArray()));
            ps.setArray(
                4,
                c.createArrayOf(
                    "text",
                    updates.stream().map(u -> u.message() == null ? "" : u.message()).toArray()));
          });
    }
    if (!startedRuns.isEmpty()) {
      jdbc.update(
          "UPDATE runs SET status = 'ACTIVE' WHERE id = ANY (?) AND finished_at IS NULL "
              + "AND status IN ('INITIAL', 'STARTING')",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", startedRuns.toArray())));
    }
  }

  public Optional<JobRun> find(String runId) {
    List<JobRun> runs = load("SELECT * FROM runs WHERE id = ?", runId);
    return runs.stream().findFirst();
  }

  /** Runs not finished yet, of one job or (null) of all jobs. */
  public List<JobRun> active(String jobId) {
    return jobId == null
        ? load("SELECT * FROM runs WHERE finished_at IS NULL ORDER BY created_at")
        : load(
            "SELECT * FROM runs WHERE finished_at IS NULL AND job_id = ? ORDER BY created_at",
            jobId);
  }

  /** Finished runs of a job, newest first, at most {@code limit}. */
  public List<JobRun> finished(String jobId, int limit) {
    return load(
        "SELECT * FROM runs WHERE job_id = ? AND finished_at IS NOT NULL "
            + "ORDER BY finished_at DESC LIMIT ?",
        jobId,
        limit);
  }

  /** Every run of a job, oldest first. */
  public List<JobRun> all(String jobId) {
    return load("SELECT * FROM runs WHERE job_id = ? ORDER BY due_at", jobId);
  }

  public void deleteRunsOf(String jobId) {
    jdbc.update("DELETE FROM runs WHERE job_id = ?", jobId);
  }

  /** Deletes finished runs older than {@code before}; returns how many. */
  public int deleteFinishedBefore(Instant before) {
    return jdbc.update(
        "DELETE FROM runs WHERE finished_at IS NOT NULL AND finished_at < ?", ts(before));
  }

  private List<JobRun> load(String sql, Object... args) {
    Map<String, JobRun> runs = new LinkedHashMap<>();
    jdbc.query(
        sql,
        (ResultSet rs) -> {
          JobRun r = run(rs);
          runs.put(r.id(), r);
        },
        args);
    return withTasks(runs);
  }

  private List<JobRun> withTasks(Map<String, JobRun> runs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    Map<String, List<TaskRecord>> tasks = tasksOf(runs.keySet());
    List<JobRun> out = new ArrayList<>();
    for (JobRun r : runs.values()) {
      out.add(
          new JobRun(
              r.id(),
              r.jobId(),
              r.dueAt(),
              r.trigger(),
              r.status(),
              r.createdAt(),
              r.finishedAt(),
              r.arguments(),
              tasks.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  private List<JobRun> loadWith(String sql, Collection<String> ids) {
    Map<String, JobRun> runs = new LinkedHashMap<>();
    jdbc.query(
        sql,
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
        (ResultSet rs) -> {
          JobRun r = run(rs);
          runs.put(r.id(), r);
        });
    return withTasks(runs);
  }

  private Map<String, List<TaskRecord>> tasksOf(Collection<String> runIds) {
    Map<String, List<TaskRecord>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT * FROM tasks WHERE run_id = ANY (?) ORDER BY attempt",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", runIds.toArray())),
        (ResultSet rs) -> {
          TaskRecord t = task(rs, 0);
          out.computeIfAbsent(t.runId(), k -> new ArrayList<>()).add(t);
        });
    return out;
  }

  private static JobRun run(ResultSet rs) throws SQLException {
    return new JobRun(
        rs.getString("id"),
        rs.getString("job_id"),
        instant(rs, "due_at"),
        RunTrigger.valueOf(rs.getString("trigger_kind")),
        RunStatus.valueOf(rs.getString("status")),
        instant(rs, "created_at"),
        instant(rs, "finished_at"),
        rs.getString("arguments"),
        List.of());
  }

  private static TaskRecord task(ResultSet rs, int row) throws SQLException {
    return new TaskRecord(
        rs.getString("id"),
        rs.getString("run_id"),
        rs.getInt("attempt"),
        rs.getString("agent_id"),
        rs.getString("hostname"),
        rs.getString("state"),
        instant(rs, "launched_at"),
        instant(rs, "started_at"),
        instant(rs, "completed_at"),
        rs.getString("message"));
  }
}
