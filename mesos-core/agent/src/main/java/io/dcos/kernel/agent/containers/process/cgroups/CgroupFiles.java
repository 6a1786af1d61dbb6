package io.dcos.kernel.agent.containers.process.cgroups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** Reading and writing cgroup interface files, shared by both versions. */
final class CgroupFiles {
  private CgroupFiles() {}

  static void write(Path file, Object value) throws IOException {
    Files.writeString(file, value.toString(), StandardCharsets.US_ASCII);
  }

  /** Pids listed in a {@code cgroup.procs} file; empty when the cgroup is gone. */
  static Set<Long> pids(Path procsFile) {
    Set<Long> pids = new HashSet<>();
    try {
      for (String line : Files.readAllLines(procsFile, StandardCharsets.US_ASCII)) {
        String trimmed = line.trim();
        if (!trimmed.isEmpty()) {
          pids.add(Long.parseLong(trimmed));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Set.of();
    }
    return pids;
  }

  /** The value of {@code key} in a flat-keyed file such as {@code memory.events}. */
  static OptionalLong keyedValue(Path file, String key) {
    try {
      return keyedValue(Files.readString(file, StandardCharsets.US_ASCII), key);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong keyedValue(String content, String key) {
    for (String line : content.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        try {
          return OptionalLong.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * Removes a cgroup directory. On a cgroup file system rmdir succeeds while the interface files
   * are listed; a plain directory standing in for one (tests, fake layouts) needs them deleted.
   */
  static void removeDirectory(Path dir) throws IOException {
    try {
      Files.delete(dir);
    } catch (NoSuchFileException e) {
      // already gone
    } catch (DirectoryNotEmptyException e) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            Files.delete(file);
          }
        }
      }
      Files.delete(dir);
    }
  }
}
