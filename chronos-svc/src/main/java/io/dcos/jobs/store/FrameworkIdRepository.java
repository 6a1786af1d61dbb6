package io.dcos.jobs.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The framework id the master assigned, so that every later leader re-subscribes with it. */
public final class FrameworkIdRepository {
  private final JdbcTemplate jdbc;

  public FrameworkIdRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> find(String frameworkName) {
    return jdbc
        .query(
            "SELECT framework_id FROM framework WHERE name = ?",
            (rs, i) -> rs.getString(1),
            frameworkName)
        .stream()
        .findFirst();
  }

  public void save(String frameworkName, String frameworkId) {
    jdbc.update(
        "INSERT INTO framework (name, framework_id) VALUES (?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET framework_id = EXCLUDED.framework_id",
        frameworkName,
        frameworkId);
  }
}
