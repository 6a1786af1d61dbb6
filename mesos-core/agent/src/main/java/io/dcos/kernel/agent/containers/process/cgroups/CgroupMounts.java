package io.dcos.kernel.agent.containers.process.cgroups;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cgroup file systems mounted on this machine, parsed from {@code /proc/self/mountinfo}. Pure:
 * the text comes in, no file is read here.
 */
public record CgroupMounts(List<Mount> mounts) {

  /** One cgroup mount: where, which version, and for v1 which controllers it carries. */
  public record Mount(Path mountPoint, boolean v2, List<String> controllers) {}

  public static CgroupMounts parse(String mountinfo) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] fields = line.trim().split(" ");
      int separator = Arrays.asList(fields).indexOf("-");
      if (separator < 5 || fields.length < separator + 4) {
        continue;
      }
      String fsType = fields[separator + 1];
      Path mountPoint = Path.of(unescape(fields[4]));
      if (fsType.equals("cgroup2")) {
        mounts.add(new Mount(mountPoint, true, List.of()));
      } else if (fsType.equals("cgroup")) {
        mounts.add(new Mount(mountPoint, false, Arrays.asList(fields[separator + 3].split(","))));
      }
    }
    return new CgroupMounts(List.copyOf(mounts));
  }

  /** The v1 mount carrying {@code controller}, if any. */
  public Optional<Path> v1(String controller) {
    return mounts.stream()
        .filter(m -> !m.v2() && m.controllers().contains(controller))
        .map(Mount::mountPoint)
        .findFirst();
  }

  /** The unified (v2) mount, if any. */
  public Optional<Path> v2() {
    return mounts.stream().filter(Mount::v2).map(Mount::mountPoint).findFirst();
  }

  /** mountinfo escapes spaces and a few other characters as octal (\040). */
  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
