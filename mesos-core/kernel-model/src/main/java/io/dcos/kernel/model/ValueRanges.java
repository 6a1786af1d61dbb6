package io.dcos.kernel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable set of inclusive integer ranges such as {@code [31000-31005, 31010-31010]}. Always
 * kept sorted, non-overlapping and coalesced, so equal sets have equal representations.
 */
public final class ValueRanges {
  /** One inclusive range. Invariant: begin <= end. */
  public record Range(long begin, long end) {
    public Range {
      if (begin > end) {
        throw new IllegalArgumentException("range begin " + begin + " is after end " + end);
      }
    }

    long size() {
      return end - begin + 1;
    }
  }

  public static final ValueRanges EMPTY = new ValueRanges(List.of());

  private final List<Range> ranges;

  private ValueRanges(List<Range> normalized) {
    this.ranges = normalized;
  }

  public static ValueRanges of(List<Range> ranges) {
    return new ValueRanges(normalize(ranges));
  }

  public static ValueRanges of(long begin, long end) {
    return of(List.of(new Range(begin, end)));
  }

  public List<Range> ranges() {
    return ranges;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Number of integers in the set. */
  public long size() {
    long n = 0;
    for (Range r : ranges) {
      n += r.size();
    }
    return n;
  }

  public ValueRanges plus(ValueRanges other) {
    if (other.isEmpty()) {
      return this;
    }
    List<Range> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    return of(all);
  }

  public ValueRanges minus(ValueRanges other) {
    List<Range> result = new ArrayList<>();
    for (Range r : ranges) {
      long begin = r.begin();
      long end = r.end();
      for (Range o : other.ranges) {
        if (o.end() < begin || o.begin() > end) {
          continue;
        }
        if (o.begin() > begin) {
          result.add(new Range(begin, o.begin() - 1));
        }
        begin = o.end() + 1;
        if (begin > end) {
          break;
        }
      }
      if (begin <= end) {
        result.add(new Range(begin, end));
      }
    }
    return new ValueRanges(Collections.unmodifiableList(result));
  }

  public boolean contains(ValueRanges other) {
    for (Range o : other.ranges) {
      if (!containsRange(o)) {
        return false;
      }
    }
    return true;
  }

  public boolean contains(long value) {
    return containsRange(new Range(value, value));
  }

  private boolean containsRange(Range o) {
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Range r = ranges.get(mid);
      if (r.end() < o.begin()) {
        lo = mid + 1;
      } else if (r.begin() > o.begin()) {
        hi = mid - 1;
      } else {
        return r.end() >= o.end();
      }
    }
    return false;
  }

  /** The first {@code count} integers of the set, or an empty set when it holds fewer. */
  public ValueRanges first(long count) {
    if (count <= 0 || size() < count) {
      return EMPTY;
    }
    List<Range> result = new ArrayList<>();
    long left = count;
    for (Range r : ranges) {
      long take = Math.min(left, r.size());
      result.add(new Range(r.begin(), r.begin() + take - 1));
      left -= take;
      if (left == 0) {
        break;
      }
    }
    return new ValueRanges(Collections.unmodifiableList(result));
  }

  private static List<Range> normalize(List<Range> input) {
    if (input.isEmpty()) {
      return List.of();
    }
    List<Range> sorted = new ArrayList<>(input);
    sorted.sort((a, b) -> Long.compare(a.begin(), b.begin()));
    List<Range> result = new ArrayList<>();
    Range current = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Range next = sorted.get(i);
      if (next.begin() <= current.end() + 1) {
        current = new Range(current.begin(), Math.max(current.end(), next.end()));
      } else {
        result.add(current);
        current = next;
      }
    }
    result.add(current);
    return Collections.unmodifiableList(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueRanges other && ranges.equals(other.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(ranges.get(i).begin()).append('-').append(ranges.get(i).end());
    }
    return sb.append(']').toString();
  }
}
