package io.dcos.marathon.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * One real ZooKeeper and one real PostgreSQL per test JVM, on loopback addresses of this module's
 * range; each test gets its own database and ZooKeeper path.
 */
public final class TestInfra {
  public static final String ZK_IP = "127.4.1.1";
  public static final String PG_IP = "127.4.1.2";

  private static TestingServer zk;
  private static EmbeddedPostgres pg;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestInfra() {}

  /** The ZooKeeper connect string. */
  public static synchronized String zkConnect() throws Exception {
    if (zk == null) {
      zk =
          new TestingServer(
              new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, ZK_IP), true);
      Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::closeZk));
    }
    return zk.getConnectString();
  }

  /** The running ZooKeeper server (to stop and restart it in tests). */
  public static synchronized TestingServer zk() throws Exception {
    zkConnect();
    return zk;
  }

  /** A fresh, empty database; returns its JDBC URL. */
  public static synchronized String newDatabase() throws Exception {
    if (pg == null) {
      pg =
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", PG_IP + ",localhost")
              .setServerConfig("max_connections", "100")
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::closePg));
    }
    String name = "marathon_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://" + PG_IP + ":" + pg.getPort() + "/" + name;
  }

  /** A fresh ZooKeeper URL with its own path. */
  public static String newZkUrl() throws Exception {
    return "zk://" + zkConnect() + "/marathon-" + NEXT.incrementAndGet();
  }

  /** {@link #newZkUrl()} for lambdas and resources. */
  public static String newZkUrlUnchecked() {
    try {
      return newZkUrl();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeZk() {
    try {
      zk.close();
    } catch (Exception e) {
      // shutting down anyway
    }
  }

  private static void closePg() {
    try {
      pg.close();
    } catch (Exception e) {
      // shutting down anyway
    }
  }
}
