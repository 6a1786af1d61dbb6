package io.dcos.installer;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A single real ZooKeeper server for a one-machine cluster, kept in a data directory so that a
 * restart finds the registry again. Usage: {@code EmbeddedZooKeeper <ip> <port> <dataDir>}.
 */
public final class EmbeddedZooKeeper {
  /**
   * ZooKeeper's tick: sessions may be as short as two ticks, so masters can use 2 s sessions and
   * fail over within about that.
   */
  static final int TICK_MILLIS = 500;

  private EmbeddedZooKeeper() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: EmbeddedZooKeeper <ip> <port> <data-dir>");
      System.exit(2);
    }
    String ip = args[0];
    int port = Integer.parseInt(args[1]);
    File dataDir = new File(args[2]);
    if (!dataDir.isDirectory() && !dataDir.mkdirs()) {
      System.err.println("cannot create ZooKeeper data directory " + dataDir);
      System.exit(2);
    }
    InstanceSpec spec = new InstanceSpec(dataDir, port, -1, -1, false, 1, TICK_MILLIS, 0, null, ip);
    try (TestingServer server = new TestingServer(spec, true)) {
      System.out.println("ZooKeeper serving on " + server.getConnectString() + " data " + dataDir);
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
      forever.await();
    }
  }
}
