package io.dcos.kernel.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text form of resources that agents take on the command line, as Mesos does: {@code
 * cpus:4;mem:1024;disk:20000;ports:[31000-32000];cpus(db):2;zones:{a,b}}. A role in parentheses
 * makes a static reservation.
 */
public final class ResourceText {
  private static final Pattern ENTRY =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_\\-.]*)\\s*(?:\\(([^)]*)\\))?\\s*:\\s*(.+?)\\s*");

  private ResourceText() {}

  /** Parses {@code text}; throws {@link IllegalArgumentException} saying which entry is wrong. */
  public static Resources parse(String text) {
    Resources.Builder b = Resources.builder();
    if (text == null || text.isBlank()) {
      return Resources.EMPTY;
    }
    for (String raw : text.split(";")) {
      if (raw.isBlank()) {
        continue;
      }
      Matcher m = ENTRY.matcher(raw);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "resource entry '" + raw.trim() + "' must look like name:value or name(role):value");
      }
      String name = m.group(1);
      String role = m.group(2) == null ? ResourceKey.UNRESERVED : m.group(2).trim();
      String why = Roles.invalidReason(role);
      if (why != null) {
        throw new IllegalArgumentException("resource entry '" + raw.trim() + "': " + why);
      }
      String value = m.group(3);
      try {
        if (value.startsWith("[")) {
          b.ranges(name, role, parseRanges(value));
        } else if (value.startsWith("{")) {
          b.set(name, role, parseSet(value));
        } else {
          b.scalar(name, role, Double.parseDouble(value));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "resource entry '" + raw.trim() + "': " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  /** Parses {@code [31000-32000, 40000-40010]}. */
  public static ValueRanges parseRanges(String text) {
    String t = text.trim();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw new IllegalArgumentException("ranges must be written [begin-end, ...], got " + t);
    }
    List<ValueRanges.Range> ranges = new ArrayList<>();
    String body = t.substring(1, t.length() - 1).trim();
    if (body.isEmpty()) {
      return ValueRanges.EMPTY;
    }
    for (String part : body.split(",")) {
      String[] bounds = part.trim().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("range '" + part.trim() + "' must be begin-end");
      }
      try {
        ranges.add(
            new ValueRanges.Range(
                Long.parseLong(bounds[0].trim()), Long.parseLong(bounds[1].trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("range '" + part.trim() + "' must hold integers", e);
      }
    }
    return ValueRanges.of(ranges);
  }

  private static Set<String> parseSet(String text) {
    if (!text.endsWith("}")) {
      throw new IllegalArgumentException("sets must be written {a,b,c}, got " + text);
    }
    Set<String> items = new LinkedHashSet<>();
    for (String item : text.substring(1, text.length() - 1).split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }
}
