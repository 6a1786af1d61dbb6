package io.dcos.installer;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A single real PostgreSQL server for a one-machine cluster, kept in a data directory so that a
 * restart finds every service's state again. It creates one database per service that keeps state
 * in PostgreSQL. Usage: {@code EmbeddedPostgres <ip> <port> <dataDir> <database>...}.
 */
public final class EmbeddedPostgres {
  private EmbeddedPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: EmbeddedPostgres <ip> <port> <data-dir> [database...]");
      System.exit(2);
    }
    String ip = args[0];
    int port = Integer.parseInt(args[1]);
    File dataDir = new File(args[2]);
    List<String> databases = List.of(args).subList(3, args.length);
    if (!dataDir.isDirectory() && !dataDir.mkdirs()) {
      System.err.println("cannot create PostgreSQL data directory " + dataDir);
      System.exit(2);
    }
    try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", ip)
            .setServerConfig("max_connections", "200")
            .start()) {
      try (Connection connection = server.getPostgresDatabase().getConnection()) {
        for (String database : databases) {
          createIfMissing(connection, database);
        }
      }
      System.out.println("PostgreSQL serving on " + ip + ":" + port + " data " + dataDir);
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
      forever.await();
    }
  }

  private static void createIfMissing(Connection connection, String database) throws SQLException {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name must match [a-z][a-z0-9_]*: " + database);
    }
    try (PreparedStatement exists =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
    }
    try (var create = connection.createStatement()) {
      create.execute("CREATE DATABASE " + database);
    }
  }
}
