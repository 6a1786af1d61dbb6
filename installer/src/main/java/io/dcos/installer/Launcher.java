package io.dcos.installer;

import java.util.Arrays;

/**
 * Entry point of the installer's jar: starts one piece of embedded infrastructure for a one-machine
 * cluster. Usage: {@code Launcher zookeeper|postgres <args>...}.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (args.length == 0 ? "" : args[0]) {
      case "zookeeper" -> EmbeddedZooKeeper.main(rest);
      case "postgres" -> EmbeddedPostgres.main(rest);
      default -> {
        System.err.println("usage: Launcher zookeeper|postgres <args>...");
        System.exit(2);
      }
    }
  }
}
