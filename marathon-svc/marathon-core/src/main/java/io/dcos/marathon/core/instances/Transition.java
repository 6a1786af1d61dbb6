package io.dcos.marathon.core.instances;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of an event on an instance: the instance to store ({@code empty} = forget it) and the
 * effects to carry out once it is stored. Invariant: {@code changed} is false only when nothing is
 * to be stored and no effect is due.
 */
public record Transition(Optional<Instance> next, boolean changed, List<InstanceEffect> effects) {
  public Transition {
    effects = List.copyOf(effects);
  }

  static Transition unchanged(Instance instance) {
    return new Transition(Optional.of(instance), false, List.of());
  }

  static Transition store(Instance instance, List<InstanceEffect> effects) {
    return new Transition(Optional.of(instance), true, effects);
  }

  static Transition expunge(List<InstanceEffect> effects) {
    return new Transition(Optional.empty(), true, effects);
  }

  /** True when the instance is to be forgotten. */
  public boolean expunged() {
    return next.isEmpty();
  }
}
