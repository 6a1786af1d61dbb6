package io.dcos.jobs.store;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Why the service stopped a run (a time limit), kept beside the run and deleted with it. Invariant:
 * a reason is only recorded while its run is still active, so a run that finished on its own never
 * gets one.
 */
public final class RunReasonRepository {
  private final JdbcTemplate jdbc;

  public RunReasonRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records {@code reason} for {@code runId} if the run is active; returns whether it did. */
  public boolean recordIfActive(String runId, String reason) {
    return jdbc.update(
            "INSERT INTO run_failure_reasons (run_id, reason) "
                + "SELECT id, ? FROM runs WHERE id = ? AND finished_at IS NULL "
                + "ON CONFLICT (run_id) DO NOTHING",
            reason,
            runId)
        > 0;
  }

  /** The reasons recorded for any of {@code runIds}, by run id. */
  public Map<String, String> reasons(Collection<String> runIds) {
    Map<String, String> out = new HashMap<>();
    if (runIds.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT run_id, reason FROM run_failure_reasons WHERE run_id = ANY (?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", runIds.toArray())),
        (ResultSet rs) -> {
          out.put(rs.getString(1), rs.getString(2));
        });
    return out;
  }
}
