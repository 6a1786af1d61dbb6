package io.dcos.kernel.agent.fetcher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks a fetched archive into a directory, keeping Unix permission bits. Every entry, link
 * target included, must stay inside the directory; the first one that does not fails the whole
 * extraction.
 */
final class ArchiveExtractor {
  private ArchiveExtractor() {}

  /**
   * Unpacks {@code archive} into {@code root}; for a single .gz file, returns the file it wrote.
   */
  static void extract(String uri, Path archive, ArchiveType type, Path root)
      throws IOException, FetchException {
    switch (type) {
      case TAR -> untar(uri, Files.newInputStream(archive), root);
      case TAR_GZ -> untar(uri, new GzipCompressorInputStream(buffered(archive)), root);
      case TAR_BZ2 -> untar(uri, new BZip2CompressorInputStream(buffered(archive)), root);
      case TAR_XZ -> untar(uri, new XZCompressorInputStream(buffered(archive)), root);
      case ZIP -> unzip(uri, archive, root);
      case GZ -> gunzip(archive);
      case NONE -> {}
    }
  }

  private static InputStream buffered(Path file) throws IOException {
    return new BufferedInputStream(Files.newInputStream(file));
  }

  private static void untar(String uri, InputStream raw, Path root)
      throws IOException, FetchException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = resolve(uri, root, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          symlink(uri, root, target, entry.getLinkName());
        } else if (entry.isLink()) {
          Path existing = resolve(uri, root, entry.getLinkName());
          createParent(uri, root, target);
          Files.deleteIfExists(target);
          Files.createLink(target, existing);
        } else if (entry.isFile()) {
          write(uri, root, target, tar, entry.getMode());
        }
      }
    }
  }

  private static void unzip(String uri, Path archive, Path root)
      throws IOException, FetchException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        Path target = resolve(uri, root, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isUnixSymlink()) {
          symlink(uri, root, target, zip.getUnixSymlink(entry));
        } else {
          try (InputStream in = zip.getInputStream(entry)) {
            write(uri, root, target, in, entry.getUnixMode());
          }
        }
      }
    }
  }

  /** gunzip: {@code name.gz} becomes {@code name}, the compressed file is removed. */
  private static void gunzip(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    Path target = archive.resolveSibling(name.substring(0, name.length() - ".gz".length()));
    try (InputStream in = new GzipCompressorInputStream(buffered(archive))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.delete(archive);
  }

  private static Path resolve(String uri, Path root, String name) throws FetchException {
    return SandboxPaths.inside(root, name)
        .orElseThrow(
            () -> new FetchException(uri, "archive entry '" + name + "' escapes the sandbox"));
  }

  private static void symlink(String uri, Path root, Path link, String linkTarget)
      throws IOException, FetchException {
    Path resolved = link.getParent().resolve(linkTarget).normalize();
    if (!resolved.startsWith(root.toAbsolutePath().normalize())) {
      throw new FetchException(
          uri,
          "archive link '" + link.getFileName() + "' -> '" + linkTarget + "' escapes the sandbox");
    }
    createParent(uri, root, link);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, Path.of(linkTarget));
  }

  private static void write(String uri, Path root, Path target, InputStream in, int mode)
      throws IOException, FetchException {
    createParent(uri, root, target);
    // REPLACE_EXISTING replaces a symlink itself rather than writing through it.
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    if ((mode & 0777) != 0) {
      Files.setPosixFilePermissions(target, permissions(mode));
    }
  }

  /** Creates the parent directories and checks that, links resolved, they are in the sandbox. */
  private static void createParent(String uri, Path root, Path target)
      throws IOException, FetchException {
    Path parent = target.getParent();
    Files.createDirectories(parent);
    if (!parent.toRealPath().startsWith(root.toRealPath())) {
      throw new FetchException(uri, "archive entry '" + target + "' escapes the sandbox");
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    return permissions;
  }
}
