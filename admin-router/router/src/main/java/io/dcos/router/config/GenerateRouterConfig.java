package io.dcos.router.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The generator's command line: {@code java -jar router.jar <cluster.conf> <out-dir>} writes {@code
 * <out-dir>/nginx.conf} and its companions; then {@code nginx -p <out-dir> -c nginx.conf}. Exits 2
 * with a message naming the key when the configuration is wrong.
 */
public final class GenerateRouterConfig {
  private GenerateRouterConfig() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: java -jar router.jar <cluster.conf> <out-dir>");
      System.exit(2);
    }
    try {
      Path out = generate(Path.of(args[0]), Path.of(args[1]));
      System.out.println("router configuration written to " + out.resolve("nginx.conf"));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  /** Reads {@code clusterConf} and writes the router folder {@code out}; returns {@code out}. */
  public static Path generate(Path clusterConf, Path out) {
    Path absoluteOut = out.toAbsolutePath();
    RouterFiles.write(
        ClusterConfig.of(read(clusterConf), absoluteOut),
        clusterConf.toAbsolutePath(),
        absoluteOut);
    return absoluteOut;
  }

  static Map<String, String> read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, unquote(p.getProperty(k))));
    return values;
  }

  /** Shell-style quotes around a value are allowed, as the file may also be sourced by a shell. */
  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
