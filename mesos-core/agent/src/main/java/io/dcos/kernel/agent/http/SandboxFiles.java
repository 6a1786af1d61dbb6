package io.dcos.kernel.agent.http;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files API's view of the agent's work directory: browsing, reading slices and downloading
 * files of task sandboxes. Invariant: nothing outside the work directory can be reached, whatever
 * the path (symbolic links included).
 */
public final class SandboxFiles {
  /** A path the API will not serve: missing, or outside the work directory. */
  public static final class NotFound extends Exception {
    public NotFound(String message) {
      super(message);
    }
  }

  /** A read of a slice: Mesos's {@code {"data": ..., "offset": ...}}. */
  public record Slice(String data, long offset) {}

  private final Path root;

  public SandboxFiles(Path workDir) {
    this.root = workDir.toAbsolutePath().normalize();
  }

  /** Resolves a path given by a client to a real path inside the work directory. */
  public Path resolve(String path) throws NotFound {
    if (path == null || path.isBlank()) {
      throw new NotFound("a path is required");
    }
    Path p = Path.of(path);
    Path candidate = (p.isAbsolute() ? p : root.resolve(p)).normalize();
    try {
      Path real = candidate.toRealPath();
      Path realRoot = root.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw new NotFound("path '" + path + "' is not in an agent sandbox");
      }
      return real;
    } catch (NoSuchFileException e) {
      throw new NotFound("path '" + path + "' does not exist");
    } catch (IOException e) {
      throw new NotFound("path '" + path + "' cannot be read: " + e.getMessage());
    }
  }

  public List<Map<String, Object>> browse(String path) throws NotFound, IOException {
    Path dir = resolve(path);
    List<Map<String, Object>> entries = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      entries.add(describe(dir));
      return entries;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        entries.add(describe(p));
      }
    }
    return entries;
  }

  private static Map<String, Object> describe(Path p) throws IOException {
    PosixFileAttributes a =
        Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", p.toString());
    e.put("nlink", Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
    e.put("size", a.size());
    e.put("mtime", a.lastModifiedTime().toMillis() / 1000);
    e.put("mode", (a.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions()));
    e.put("uid", a.owner().getName());
    e.put("gid", a.group().getName());
    return e;
  }

  /**
   * Reads up to {@code length} bytes from {@code offset}; offset -1 returns only the file's size as
   * the offset, as Mesos does, so clients can tail a file.
   */
  public Slice read(String path, long offset, long length) throws NotFound, IOException {
    Path file = resolve(path);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("'" + path + "' is a directory");
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long size = raf.length();
      if (offset < 0) {
        return new Slice("", size);
      }
      if (offset > size) {
        return new Slice("", size);
      }
      long n = Math.min(length < 0 ? size - offset : length, size - offset);
      n = Math.min(n, 16L * 1024 * 1024);
      byte[] buf = new byte[(int) n];
      raf.seek(offset);
      raf.readFully(buf);
      return new Slice(new String(buf, StandardCharsets.UTF_8), offset);
    }
  }
}
