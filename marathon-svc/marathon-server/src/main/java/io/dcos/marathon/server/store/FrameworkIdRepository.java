package io.dcos.marathon.server.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The framework id the kernel gave, so a new leader re-subscribes as the same framework. */
@Repository
public class FrameworkIdRepository {
  private final JdbcTemplate jdbc;

  public FrameworkIdRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> get() {
    return jdbc.query("SELECT framework_id FROM framework", (rs, i) -> rs.getString(1)).stream()
        .findFirst();
  }

  public void set(String frameworkId) {
    jdbc.update(
        "INSERT INTO framework (singleton, framework_id) VALUES (true, ?)"
            + " ON CONFLICT (singleton) DO UPDATE SET framework_id = EXCLUDED.framework_id",
        frameworkId);
  }
}
