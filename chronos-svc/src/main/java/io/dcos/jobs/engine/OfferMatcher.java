package io.dcos.jobs.engine;

import io.dcos.jobs.model.Constraint;
import io.dcos.jobs.model.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places tasks on offers first-fit: an offer fits when its free cpus, mem and disk cover the run
 * and the agent satisfies every constraint. Pure; consumed resources are subtracted so one offer
 * can hold several tasks.
 */
public final class OfferMatcher {
  private final List<OfferView> free;

  public OfferMatcher(List<OfferView> offers) {
    this.free = new ArrayList<>(offers);
  }

  /** The offer that takes {@code spec}, with its resources reserved for it. */
  public Optional<OfferView> place(RunSpec spec) {
    for (int i = 0; i < free.size(); i++) {
      OfferView o = free.get(i);
      if (fits(o, spec)) {
        free.set(i, o.minus(spec.cpus(), spec.mem(), spec.disk()));
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  static boolean fits(OfferView o, RunSpec spec) {
    if (o.cpus() + 1e-9 < spec.cpus()
        || o.mem() + 1e-9 < spec.mem()
        || o.disk() + 1e-9 < spec.disk()) {
      return false;
    }
    for (Constraint c : spec.constraints()) {
      if (!c.matches(o.attribute(c.attribute()))) {
        return false;
      }
    }
    return true;
  }
}
