package io.dcos.marathon.core.instances;

import io.dcos.marathon.core.model.KillSelection;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which instances to stop when an app has too many: instances that do not run (staging,
 * unreachable) or are unhealthy go first, then by age as the app's {@code killSelection} says.
 * Invariant: returns at most {@code count} distinct instances of {@code candidates}.
 */
public final class KillSelector {
  private KillSelector() {}

  /** The {@code count} instances to stop. */
  public static List<Instance> select(
      List<Instance> candidates, int count, KillSelection selection) {
    if (count <= 0) {
      return List.of();
    }
    Comparator<Instance> byAge =
        Comparator.comparing((Instance i) -> i.startedAt() != null ? i.startedAt() : i.stagedAt());
    Comparator<Instance> order =
        Comparator.comparingInt(KillSelector::rank)
            .thenComparing(selection == KillSelection.OLDEST_FIRST ? byAge : byAge.reversed())
            .thenComparing(i -> i.id().uuid());
    return candidates.stream().sorted(order).limit(count).toList();
  }

  private static int rank(Instance i) {
    if (i.condition() == Condition.UNREACHABLE_INACTIVE || i.condition() == Condition.UNREACHABLE) {
      return 0;
    }
    if (i.condition() != Condition.RUNNING) {
      return 1;
    }
    return Boolean.FALSE.equals(i.healthy()) ? 2 : 3;
  }
}
