package io.dcos.kernel.model;

import java.util.regex.Pattern;

/** Role names as Mesos accepts them: hierarchical paths such as {@code eng/frontend}. */
public final class Roles {
  /** The default role of frameworks that name none. */
  public static final String DEFAULT = "*";

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_\\-.]*");

  private Roles() {}

  /** Returns why {@code role} is not a valid role name, or null when it is. */
  public static String invalidReason(String role) {
    if (role == null || role.isEmpty()) {
      return "role must not be empty";
    }
    if (DEFAULT.equals(role)) {
      return null;
    }
    for (String segment : role.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
        return "role '" + role + "' must be '*' or path segments of letters, digits, '_', '-', '.'";
      }
    }
    return null;
  }

  /** True when {@code ancestor} equals {@code role} or is one of its parents. */
  public static boolean isSelfOrAncestor(String ancestor, String role) {
    return role.equals(ancestor) || role.startsWith(ancestor + "/");
  }
}
