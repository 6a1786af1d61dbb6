package io.dcos.marathon.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An absolute path naming an app or group, such as {@code /prod/web}. The root is {@code /}.
 * Segments are never empty; relative paths ({@code ..}, {@code .}) are resolved against a base.
 */
public record PathId(List<String> segments) implements Comparable<PathId> {
  /** The root group's id. */
  public static final PathId ROOT = new PathId(List.of());

  public PathId {
    segments = List.copyOf(segments);
  }

  /** Parses an absolute path; a path without a leading slash is taken relative to the root. */
  public static PathId parse(String path) {
    return ROOT.resolve(path);
  }

  /**
   * Resolves a possibly relative path against this one: absolute paths stand alone, {@code ..}
   * climbs to the parent, {@code .} stays.
   */
  public PathId resolve(String path) {
    List<String> out = path.startsWith("/") ? new ArrayList<>() : new ArrayList<>(segments);
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(segment);
    }
    return new PathId(out);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The enclosing group's id; the root is its own parent. */
  public PathId parent() {
    return isRoot() ? this : new PathId(segments.subList(0, segments.size() - 1));
  }

  /** The last segment, empty for the root. */
  public String name() {
    return isRoot() ? "" : segments.get(segments.size() - 1);
  }

  public PathId child(String name) {
    List<String> out = new ArrayList<>(segments);
    out.add(name);
    return new PathId(out);
  }

  /** True when this path lies strictly below {@code ancestor}. */
  public boolean isDescendantOf(PathId ancestor) {
    return segments.size() > ancestor.segments.size()
        && segments.subList(0, ancestor.segments.size()).equals(ancestor.segments);
  }

  /** The ancestors from the root down to this path's parent. */
  public List<PathId> ancestors() {
    List<PathId> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      out.add(new PathId(segments.subList(0, i)));
    }
    return out;
  }

  /**
   * The name of this app's tasks in Mesos, and so in DNS: segments from the leaf up joined by dots,
   * as Marathon does ({@code /prod/web} is {@code web.prod}, {@code web.prod.marathon.mesos}).
   */
  public String hostname() {
    List<String> reversed = new ArrayList<>(segments);
    Collections.reverse(reversed);
    return String.join(".", reversed);
  }

  /**
   * The id in Mesos task ids: segments joined by underscores, as Marathon does ({@code prod_web}).
   */
  public String safePath() {
    return String.join("_", segments);
  }

  @Override
  public int compareTo(PathId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return "/" + String.join("/", segments);
  }
}
