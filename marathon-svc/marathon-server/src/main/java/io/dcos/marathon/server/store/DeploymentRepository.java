package io.dcos.marathon.server.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Running deployment plans as JSON documents written by the scheduler. Writes join the caller's
 * transaction, so a plan and the tree it deploys are stored together.
 */
@Repository
public class DeploymentRepository {
  private final JdbcTemplate jdbc;

  public DeploymentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored plan. */
  public record StoredDeployment(String id, Instant version, String planJson) {}

  public void save(StoredDeployment deployment) {
    jdbc.update(
        "INSERT INTO deployments (id, version, plan) VALUES (?, ?, ?::jsonb)"
            + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, plan = EXCLUDED.plan",
        deployment.id(),
        Timestamp.from(deployment.version()),
        deployment.planJson());
  }

  public void delete(String id) {
    jdbc.update("DELETE FROM deployments WHERE id = ?", id);
  }

  /** Every running plan, oldest first. */
  public List<StoredDeployment> all() {
    return jdbc.query(
        "SELECT id, version, plan::text FROM deployments ORDER BY created_at, id",
        (rs, i) ->
            new StoredDeployment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
  }
}
