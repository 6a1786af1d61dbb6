package io.dcos.kernel.agent.fetcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves names from URIs and archives inside a sandbox. Pure. Invariant: a resolved path is the
 * sandbox or below it; names that climb out ({@code ../}, absolute paths) are refused, which is
 * what stops "zip slip" archives.
 */
public final class SandboxPaths {
  private SandboxPaths() {}

  /** {@code name} resolved inside {@code root}, or empty when it would escape. */
  public static Optional<Path> inside(Path root, String name) {
    Path normalizedRoot = root.toAbsolutePath().normalize();
    Path candidate = normalizedRoot.resolve(name.replace('\\', '/')).normalize();
    if (Path.of(name).isAbsolute() || !candidate.startsWith(normalizedRoot)) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  /**
   * The file name a fetched URI gets: {@code output_file} when given, else the last segment of the
   * URI's path.
   */
  public static String targetName(String uriPath, String outputFile) {
    if (!outputFile.isEmpty()) {
      return outputFile;
    }
    String path = uriPath;
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
