package io.dcos.jobs.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Job specs and their counters in PostgreSQL. Specs are stored as JSON of the core model; the
 * counters in columns so they can be updated in the same transaction as a run.
 */
public final class JobRepository {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private final JdbcTemplate jdbc;

  public JobRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts or replaces {@code job}; its counters start at zero the first time. */
  public void save(JobSpec job, Instant now) {
    jdbc.update(
        "INSERT INTO jobs (id, spec, created_at, updated_at) VALUES (?, ?::jsonb, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET spec = EXCLUDED.spec, updated_at = EXCLUDED.updated_at",
        job.id(),
        toJson(job),
        ts(now),
        ts(now));
    jdbc.update("INSERT INTO job_counters (job_id) VALUES (?) ON CONFLICT DO NOTHING", job.id());
  }

  public boolean exists(String id) {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM jobs WHERE id = ?", Integer.class, id);
    return n != null && n > 0;
  }

  public Optional<JobSpec> find(String id) {
    return jdbc
        .query("SELECT spec FROM jobs WHERE id = ?", (rs, i) -> fromJson(rs.getString(1)), id)
        .stream()
        .findFirst();
  }

  /** The jobs with these ids, in one round trip. */
  public Map<String, JobSpec> findAll(java.util.Collection<String> ids) {
    Map<String, JobSpec> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT spec FROM jobs WHERE id = ANY (?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
        (ResultSet rs) -> {
          JobSpec j = fromJson(rs.getString(1));
          out.put(j.id(), j);
        });
    return out;
  }

  /** The jobs that name {@code parentId} among their parents (through the parents index). */
  public List<JobSpec> childrenOf(String parentId) {
    return jdbc.query(
        "SELECT spec FROM jobs WHERE spec -> 'parents' @> jsonb_build_array(?::text) ORDER BY id",
        (rs, i) -> fromJson(rs.getString(1)),
        parentId);
  }

  /** The counters of these jobs, by job id, in one round trip. */
  public Map<String, JobCounters> counters(java.util.Collection<String> ids) {
    Map<String, JobCounters> out = new HashMap<>();
    jdbc.query(
            "SELECT * FROM job_counters WHERE job_id = ANY (?)",
            ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
            JobRepository::counters)
        .forEach(c -> out.put(c.jobId(), c));
    return out;
  }

  public List<JobSpec> all() {
    return jdbc.query("SELECT spec FROM jobs ORDER BY id", (rs, i) -> fromJson(rs.getString(1)));
  }

  public void delete(String id) {
    jdbc.update("DELETE FROM jobs WHERE id = ?", id);
  }

  public JobCounters counters(String id) {
    return jdbc
        .query("SELECT * FROM job_counters WHERE job_id = ?", JobRepository::counters, id)
        .stream()
        .findFirst()
        .orElse(JobCounters.empty(id));
  }

  public Map<String, JobCounters> allCounters() {
    Map<String, JobCounters> out = new HashMap<>();
    jdbc.query("SELECT * FROM job_counters", JobRepository::counters)
        .forEach(c -> out.put(c.jobId(), c));
    return out;
  }

  public void saveCounters(JobCounters c) {
    jdbc.update(
        "UPDATE job_counters SET disabled = ?, success_count = ?, failure_count = ?, "
            + "errors_since_success = ?, last_success_at = ?, last_failure_at = ?, "
            + "last_dependency_mark = ?, last_run_at = ? WHERE job_id = ?",
        c.disabled(),
        c.successCount(),
        c.failureCount(),
        c.errorsSinceLastSuccess(),
        ts(c.lastSuccessAt()),
        ts(c.lastFailureAt()),
        ts(c.lastDependencyMark()),
        ts(c.lastRunAt()),
        c.jobId());
  }

  private static JobCounters counters(ResultSet rs, int row) throws SQLException {
    return new JobCounters(
        rs.getString("job_id"),
        rs.getBoolean("disabled"),
        rs.getLong("success_count"),
        rs.getLong("failure_count"),
        rs.getLong("errors_since_success"),
        instant(rs, "last_success_at"),
        instant(rs, "last_failure_at"),
        instant(rs, "last_dependency_mark"),
        instant(rs, "last_run_at"));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String toJson(JobSpec job) {
    try {
      return JSON.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode job " + job.id(), e);
    }
  }

  private static JobSpec fromJson(String json) {
    try {
      return JSON.readValue(json, JobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot decode a stored job: " + e.getMessage(), e);
    }
  }
}
