package io.dcos.marathon.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marathon's {@code label} query filter: comma-separated selectors {@code key}, {@code key==v},
 * {@code key!=v}, {@code key in (a,b)}, {@code key notin (a,b)}; all must hold.
 */
final class LabelSelector {
  private static final Pattern SET =
      Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");

  private LabelSelector() {}

  /** The predicate of {@code query}; a malformed selector is a 400. */
  static Predicate<Map<String, String>> parse(String query) {
    List<Predicate<Map<String, String>>> all = new ArrayList<>();
    for (String selector : split(query)) {
      all.add(one(selector.trim()));
    }
    return labels -> all.stream().allMatch(p -> p.test(labels));
  }

  private static Predicate<Map<String, String>> one(String s) {
    Matcher set = SET.matcher(s);
    if (set.matches()) {
      String key = set.group(1);
      Set<String> values = Set.copyOf(List.of(set.group(3).trim().split("\\s*,\\s*")));
      boolean in = set.group(2).equals("in");
      return labels -> labels.containsKey(key) && values.contains(labels.get(key)) == in;
    }
    int ne = s.indexOf("!=");
    if (ne > 0) {
      String key = s.substring(0, ne).trim();
      String value = s.substring(ne + 2).trim();
      return labels -> !value.equals(labels.get(key));
    }
    int eq = s.indexOf("==");
    if (eq > 0) {
      String key = s.substring(0, eq).trim();
      String value = s.substring(eq + 2).trim();
      return labels -> value.equals(labels.get(key));
    }
    if (s.isEmpty() || s.contains("=") || s.contains(" ")) {
      throw ApiException.of(
          org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid label selector: " + s);
    }
    return labels -> labels.containsKey(s);
  }

  /** Splits on commas outside parentheses. */
  private static List<String> split(String query) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : query.toCharArray()) {
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == ',' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
