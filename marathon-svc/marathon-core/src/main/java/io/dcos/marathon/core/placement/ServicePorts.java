package io.dcos.marathon.core.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assigns service ports: a requested port of 0 gets the lowest port from the range (Marathon's
 * 10000-20000 by default) that no app uses yet; non-zero ports are kept. Invariant: the assigned
 * ports are distinct and none is in {@code used}.
 */
public final class ServicePorts {
  /** Marathon's default first service port. */
  public static final int DEFAULT_MIN = 10000;

  /** Marathon's default last service port. */
  public static final int DEFAULT_MAX = 20000;

  private ServicePorts() {}

  /**
   * The service ports for {@code requested}, or empty when the range is exhausted. {@code used}
   * holds the service ports of all other apps.
   */
  public static Optional<List<Integer>> assign(
      List<Integer> requested, Set<Integer> used, int min, int max) {
    Set<Integer> taken = new TreeSet<>(used);
    requested.stream().filter(p -> p != 0).forEach(taken::add);
    List<Integer> out = new ArrayList<>(requested.size());
    int next = min;
    for (int port : requested) {
      if (port != 0) {
        out.add(port);
        continue;
      }
      while (next <= max && taken.contains(next)) {
        next++;
      }
      if (next > max) {
        return Optional.empty();
      }
      out.add(next);
      taken.add(next);
      next++;
    }
    return Optional.of(out);
  }

  /** {@link #assign(List, Set, int, int)} on Marathon's default range. */
  public static Optional<List<Integer>> assign(List<Integer> requested, Set<Integer> used) {
    return assign(requested, used, DEFAULT_MIN, DEFAULT_MAX);
  }
}
