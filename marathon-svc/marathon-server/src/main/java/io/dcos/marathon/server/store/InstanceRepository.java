package io.dcos.marathon.server.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Instances of apps as JSON documents written by the scheduler, one row per instance. */
@Repository
public class InstanceRepository {
  private final JdbcTemplate jdbc;

  public InstanceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored instance. */
  public record StoredInstance(String instanceId, String appId, String stateJson) {}

  public void save(StoredInstance instance) {
    jdbc.update(
        "INSERT INTO instances (instance_id, app_id, state) VALUES (?, ?, ?::jsonb)"
            + " ON CONFLICT (instance_id) DO UPDATE SET state = EXCLUDED.state",
        instance.instanceId(),
        instance.appId(),
        instance.stateJson());
  }

  /** Stores many instances in one batch. */
  public void saveAll(List<StoredInstance> instances) {
    jdbc.batchUpdate(
        "INSERT INTO instances (instance_id, app_id, state) VALUES (?, ?, ?::jsonb)"
            + " ON CONFLICT (instance_id) DO UPDATE SET state = EXCLUDED.state",
        instances.stream()
            .map(i -> new Object[] {i.instanceId(), i.appId(), i.stateJson()})
            .toList());
  }

  public void delete(String instanceId) {
    jdbc.update("DELETE FROM instances WHERE instance_id = ?", instanceId);
  }

  public List<StoredInstance> all() {
    return jdbc.query(
        "SELECT instance_id, app_id, state::text FROM instances ORDER BY instance_id",
        (rs, i) -> new StoredInstance(rs.getString(1), rs.getString(2), rs.getString(3)));
  }
}
