package io.dcos.kernel.agent.fetcher;

import java.util.Locale;

/** The archive formats the fetcher unpacks, recognized by file name as Mesos does. */
public enum ArchiveType {
  TAR,
  TAR_GZ,
  TAR_BZ2,
  TAR_XZ,
  ZIP,
  /** A single gzip-compressed file: unpacked to the name without {@code .gz}. */
  GZ,
  NONE;

  public static ArchiveType of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".tar")) {
      return TAR;
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return TAR_GZ;
    }
    if (name.endsWith(".tar.bz2") || name.endsWith(".tbz2")) {
      return TAR_BZ2;
    }
    if (name.endsWith(".tar.xz") || name.endsWith(".txz")) {
      return TAR_XZ;
    }
    if (name.endsWith(".zip")) {
      return ZIP;
    }
    if (name.endsWith(".gz")) {
      return GZ;
    }
    return NONE;
  }
}
