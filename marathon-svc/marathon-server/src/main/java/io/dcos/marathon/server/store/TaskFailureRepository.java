package io.dcos.marathon.server.store;

import io.dcos.marathon.server.leadership.LeadershipListener;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The last failed task of every app in PostgreSQL, with an in-memory copy for reads. Only the
 * leader writes; a newly elected leader reads the table again. Invariant: the copy holds what the
 * table holds once a write has returned.
 */
@Repository
public class TaskFailureRepository implements LeadershipListener {
  private final JdbcTemplate jdbc;
  private volatile Map<String, TaskFailure> cache;

  public TaskFailureRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A failed task: the status update that ended it. */
  public record TaskFailure(
      String appId,
      String taskId,
      String state,
      String message,
      String host,
      String slaveId,
      Instant version,
      Instant timestamp) {}

  /** Stores {@code failure} as its app's last one, unless a later one is already stored. */
  public void record(TaskFailure failure) {
    jdbc.update(
        "INSERT INTO task_failures"
            + " (app_id, task_id, state, message, host, slave_id, version, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id) DO UPDATE SET task_id = EXCLUDED.task_id,"
            + " state = EXCLUDED.state, message = EXCLUDED.message, host = EXCLUDED.host,"
            + " slave_id = EXCLUDED.slave_id, version = EXCLUDED.version,"
            + " failed_at = EXCLUDED.failed_at"
            + " WHERE task_failures.failed_at <= EXCLUDED.failed_at",
        failure.appId(),
        failure.taskId(),
        failure.state(),
        failure.message(),
        failure.host(),
        failure.slaveId(),
        Timestamp.from(failure.version()),
        Timestamp.from(failure.timestamp()));
    loaded()
        .merge(
            failure.appId(),
            failure,
            (old, now) -> now.timestamp().isBefore(old.timestamp()) ? old : now);
  }

  /** The last failure of the app {@code appId}. */
  public Optional<TaskFailure> last(String appId) {
    return Optional.ofNullable(loaded().get(appId));
  }

  /** Every app's last failure by app id (a live view: read it, do not keep it). */
  public Map<String, TaskFailure> all() {
    return loaded();
  }

  /**
   * Deletes the failures of removed apps. Joins the caller's transaction; call {@link #forgotten}
   * once it has committed.
   */
  void forget(Collection<String> appIds) {
    if (!appIds.isEmpty()) {
      jdbc.update(
          "DELETE FROM task_failures WHERE app_id = ANY(?)",
          (Object) appIds.toArray(String[]::new));
    }
  }

  /** Drops removed apps from the in-memory copy after {@link #forget} committed. */
  void forgotten(Collection<String> appIds) {
    Map<String, TaskFailure> c = cache;
    if (c != null) {
      appIds.forEach(c::remove);
    }
  }

  @Override
  public void onElected() {
    cache = null;
  }

  @Override
  public void onDefeated() {
    cache = null;
  }

  private Map<String, TaskFailure> loaded() {
    Map<String, TaskFailure> c = cache;
    if (c == null) {
      synchronized (this) {
        c = cache;
        if (c == null) {
          c = new ConcurrentHashMap<>();
          for (TaskFailure f :
              jdbc.query(
                  "SELECT app_id, task_id, state, message, host, slave_id, version, failed_at"
                      + " FROM task_failures",
                  TaskFailureRepository::row)) {
            c.put(f.appId(), f);
          }
          cache = c;
        }
      }
    }
    return c;
  }

  private static TaskFailure row(ResultSet rs, int i) throws SQLException {
    return new TaskFailure(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant());
  }

  /** Test access: the rows of the table, for checks that bypass the copy. */
  List<TaskFailure> stored() {
    return jdbc.query(
        "SELECT app_id, task_id, state, message, host, slave_id, version, failed_at"
            + " FROM task_failures ORDER BY app_id",
        TaskFailureRepository::row);
  }
}
