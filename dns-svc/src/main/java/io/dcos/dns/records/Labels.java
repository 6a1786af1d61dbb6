package io.dcos.dns.records;

import java.util.Locale;

/**
 * DNS label cleaning as Mesos-DNS does it: lower case, '.' becomes '-', every character that is not
 * a letter, digit or '-' is removed, leading and trailing '-' are trimmed and the label is cut to
 * 63 characters. Invariant: the result is a valid DNS label or empty.
 */
public final class Labels {
  private static final int MAX_LABEL = 63;

  private Labels() {}

  /** One cleaned label from an arbitrary name. */
  public static String clean(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '.') {
        b.append('-');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        b.append(c);
      }
    }
    String s = b.toString();
    if (s.length() > MAX_LABEL) {
      s = s.substring(0, MAX_LABEL);
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * A framework name, which may be several dot-separated labels in Mesos-DNS ("a.b" stays two
   * labels); each part is cleaned and empty parts dropped.
   */
  public static String cleanDomainPart(String name) {
    StringBuilder b = new StringBuilder();
    for (String part : name.split("\\.")) {
      String c = clean(part);
      if (!c.isEmpty()) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
