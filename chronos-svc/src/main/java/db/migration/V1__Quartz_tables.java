package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job store tables from the PostgreSQL script shipped inside the Quartz jar,
 * so the schema always matches the Quartz version in use. The script's DROP and COMMIT statements
 * are left out: Flyway owns the transaction and the database starts empty.
 */
public class V1__Quartz_tables extends BaseJavaMigration {
  static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement st = context.getConnection().createStatement()) {
      for (String sql : statements()) {
        st.execute(sql);
      }
    }
  }

  static java.util.List<String> statements() throws IOException {
    String text;
    try (InputStream in = V1__Quartz_tables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException(SCRIPT + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.trim().startsWith("--")) {
        body.append(line).append('\n');
      }
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String sql : body.toString().split(";")) {
      String s = sql.trim();
      String upper = s.toUpperCase(java.util.Locale.ROOT);
      if (!s.isEmpty() && !upper.startsWith("DROP") && !upper.equals("COMMIT")) {
        out.add(s);
      }
    }
    return out;
  }
}
