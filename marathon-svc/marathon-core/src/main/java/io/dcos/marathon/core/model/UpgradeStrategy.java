package io.dcos.marathon.core.model;

/**
 * How a rolling upgrade keeps capacity: at least {@code minimumHealthCapacity} of the instances
 * stay healthy and at most {@code maximumOverCapacity} extra run; both are fractions in 0..1 and
 * counts round up.
 */
public record UpgradeStrategy(double minimumHealthCapacity, double maximumOverCapacity) {
  /** Marathon's default: keep every instance, allow one full extra set. */
  public static final UpgradeStrategy DEFAULT = new UpgradeStrategy(1.0, 1.0);

  /** Instances that must stay healthy during an upgrade of {@code instances}. */
  public int minimumHealthy(int instances) {
    return (int) Math.ceil(instances * minimumHealthCapacity);
  }

  /** Instances that may run beyond {@code instances} during an upgrade. */
  public int maximumExtra(int instances) {
    return (int) Math.ceil(instances * maximumOverCapacity);
  }
}
