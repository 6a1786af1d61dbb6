package io.dcos.kernel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable bag of resources: scalars (cpus, mem, disk, gpus), ranges (ports) and sets, each
 * keyed by name and reservation role. Scalars are fixed point with three decimals, as in Mesos, so
 * that adding and subtracting never drifts. Invariant: no entry is empty or negative.
 */
public final class Resources {
  public static final Resources EMPTY =
      new Resources(Collections.emptyNavigableMap(), Collections.emptyNavigableMap(), Map.of());

  private static final long SCALE = 1000;

  private final Map<ResourceKey, Long> scalars;
  private final Map<ResourceKey, ValueRanges> ranges;
  private final Map<ResourceKey, Set<String>> sets;

  private Resources(
      Map<ResourceKey, Long> scalars,
      Map<ResourceKey, ValueRanges> ranges,
      Map<ResourceKey, Set<String>> sets) {
    this.scalars = scalars;
    this.ranges = ranges;
    this.sets = sets;
  }

  /** Builds resources one entry at a time; empty entries are dropped. */
  public static final class Builder {
    private final TreeMap<ResourceKey, Long> scalars = new TreeMap<>();
    private final TreeMap<ResourceKey, ValueRanges> ranges = new TreeMap<>();
    private final TreeMap<ResourceKey, Set<String>> sets = new TreeMap<>();

    public Builder scalar(String name, String role, double value) {
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "resource " + name + " must be a non-negative number, got " + value);
      }
      return addMillis(new ResourceKey(name, role), Math.round(value * SCALE));
    }

    public Builder scalar(String name, double value) {
      return scalar(name, ResourceKey.UNRESERVED, value);
    }

    Builder addMillis(ResourceKey key, long millis) {
      if (millis > 0) {
        scalars.merge(key, millis, Long::sum);
      }
      return this;
    }

    public Builder ranges(String name, String role, ValueRanges value) {
      if (!value.isEmpty()) {
        ranges.merge(new ResourceKey(name, role), value, ValueRanges::plus);
      }
      return this;
    }

    public Builder ranges(String name, ValueRanges value) {
      return ranges(name, ResourceKey.UNRESERVED, value);
    }

    public Builder set(String name, String role, Set<String> items) {
      if (!items.isEmpty()) {
        sets.computeIfAbsent(new ResourceKey(name, role), k -> new TreeSet<>()).addAll(items);
      }
      return this;
    }

    public Builder add(Resources other) {
      other.scalars.forEach(this::addMillis);
      other.ranges.forEach((k, v) -> ranges(k.name(), k.role(), v));
      other.sets.forEach((k, v) -> set(k.name(), k.role(), v));
      return this;
    }

    public Resources build() {
      if (scalars.isEmpty() && ranges.isEmpty() && sets.isEmpty()) {
        return EMPTY;
      }
      Map<ResourceKey, Set<String>> frozenSets = new TreeMap<>();
      sets.forEach((k, v) -> frozenSets.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
      return new Resources(
          Collections.unmodifiableMap(new TreeMap<>(scalars)),
          Collections.unmodifiableMap(new TreeMap<>(ranges)),
          Collections.unmodifiableMap(frozenSets));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Resources scalars(double cpus, double memMb) {
    return builder().scalar("cpus", cpus).scalar("mem", memMb).build();
  }

  public boolean isEmpty() {
    return scalars.isEmpty() && ranges.isEmpty() && sets.isEmpty();
  }

  /** Total of a scalar resource over all roles. */
  public double scalar(String name) {
    long total = 0;
    for (Map.Entry<ResourceKey, Long> e : scalars.entrySet()) {
      if (e.getKey().name().equals(name)) {
        total += e.getValue();
      }
    }
    return (double) total / SCALE;
  }

  public double scalar(ResourceKey key) {
    return (double) scalars.getOrDefault(key, 0L) / SCALE;
  }

  /** Union of a ranges resource over all roles. */
  public ValueRanges ranges(String name) {
    ValueRanges total = ValueRanges.EMPTY;
    for (Map.Entry<ResourceKey, ValueRanges> e : ranges.entrySet()) {
      if (e.getKey().name().equals(name)) {
        total = total.plus(e.getValue());
      }
    }
    return total;
  }

  public ValueRanges ranges(ResourceKey key) {
    return ranges.getOrDefault(key, ValueRanges.EMPTY);
  }

  public Set<String> set(ResourceKey key) {
    return sets.getOrDefault(key, Set.of());
  }

  public Set<ResourceKey> scalarKeys() {
    return scalars.keySet();
  }

  public Set<ResourceKey> rangeKeys() {
    return ranges.keySet();
  }

  public Set<ResourceKey> setKeys() {
    return sets.keySet();
  }

  /** Names of all resources present, whatever their role. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    scalars.keySet().forEach(k -> names.add(k.name()));
    ranges.keySet().forEach(k -> names.add(k.name()));
    sets.keySet().forEach(k -> names.add(k.name()));
    return names;
  }

  /** Roles that hold reservations in this bag. */
  public Set<String> reservedRoles() {
    Set<String> roles = new TreeSet<>();
    for (ResourceKey k : allKeys()) {
      if (k.reserved()) {
        roles.add(k.role());
      }
    }
    return roles;
  }

  private List<ResourceKey> allKeys() {
    List<ResourceKey> keys = new ArrayList<>(scalars.keySet());
    keys.addAll(ranges.keySet());
    keys.addAll(sets.keySet());
    return keys;
  }

  public Resources plus(Resources other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return builder().add(this).add(other).build();
  }

  /** What remains after taking {@code other} away; entries never go below empty. */
  public Resources minus(Resources other) {
    if (other.isEmpty()) {
      return this;
    }
    Builder b = builder();
    scalars.forEach((k, v) -> b.addMillis(k, v - other.scalars.getOrDefault(k, 0L)));
    ranges.forEach(
        (k, v) ->
            b.ranges(k.name(), k.role(), v.minus(other.ranges.getOrDefault(k, ValueRanges.EMPTY))));
    sets.forEach(
        (k, v) -> {
          Set<String> left = new TreeSet<>(v);
          left.removeAll(other.sets.getOrDefault(k, Set.of()));
          b.set(k.name(), k.role(), left);
        });
    return b.build();
  }

  /** True when every entry of {@code other}, with its role, is present here. */
  public boolean contains(Resources other) {
    for (Map.Entry<ResourceKey, Long> e : other.scalars.entrySet()) {
      if (scalars.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    for (Map.Entry<ResourceKey, ValueRanges> e : other.ranges.entrySet()) {
      if (!ranges.getOrDefault(e.getKey(), ValueRanges.EMPTY).contains(e.getValue())) {
        return false;
      }
    }
    for (Map.Entry<ResourceKey, Set<String>> e : other.sets.entrySet()) {
      if (!sets.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The part of this bag that {@code role} may use: unreserved, or reserved to it or a parent. */
  public Resources allocatableTo(String role) {
    return filter(k -> !k.reserved() || Roles.isSelfOrAncestor(k.role(), role));
  }

  public Resources unreserved() {
    return filter(k -> !k.reserved());
  }

  public Resources reserved() {
    return filter(ResourceKey::reserved);
  }

  public Resources reservedTo(String role) {
    return filter(k -> k.role().equals(role));
  }

  public Resources filter(java.util.function.Predicate<ResourceKey> keep) {
    Builder b = builder();
    scalars.forEach(
        (k, v) -> {
          if (keep.test(k)) {
            b.addMillis(k, v);
          }
        });
    ranges.forEach(
        (k, v) -> {
          if (keep.test(k)) {
            b.ranges(k.name(), k.role(), v);
          }
        });
    sets.forEach(
        (k, v) -> {
          if (keep.test(k)) {
            b.set(k.name(), k.role(), v);
          }
        });
    return b.build();
  }

  /** The same quantities with every reservation dropped, for comparing amounts across roles. */
  public Resources flatten() {
    Builder b = builder();
    scalars.forEach((k, v) -> b.addMillis(new ResourceKey(k.name(), null), v));
    ranges.forEach((k, v) -> b.ranges(k.name(), v));
    sets.forEach((k, v) -> b.set(k.name(), null, v));
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources other
        && scalars.equals(other.scalars)
        && ranges.equals(other.ranges)
        && sets.equals(other.sets);
  }

  @Override
  public int hashCode() {
    return scalars.hashCode() * 31 + ranges.hashCode() * 17 + sets.hashCode();
  }

  /** Mesos's text form, for example {@code cpus:4;mem:1024;ports:[31000-32000];cpus(db):2}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    scalars.forEach((k, v) -> parts.add(k + ":" + formatScalar(v)));
    ranges.forEach((k, v) -> parts.add(k + ":" + v.toString().replace(" ", "")));
    sets.forEach((k, v) -> parts.add(k + ":{" + String.join(",", v) + "}"));
    return String.join(";", parts);
  }

  private static String formatScalar(long millis) {
    if (millis % SCALE == 0) {
      return Long.toString(millis / SCALE);
    }
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
