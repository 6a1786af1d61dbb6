package io.dcos.marathon.core.validation;

import java.util.ArrayList;
import java.util.List;

/** A collector of violations while a validator walks a definition. */
final class Violations {
  private final List<Violation> list = new ArrayList<>();

  void add(String path, String message) {
    list.add(new Violation(path, message));
  }

  void check(boolean ok, String path, String message) {
    if (!ok) {
      add(path, message);
    }
  }

  void atLeast(double value, double min, String path) {
    if (value < min) {
      add(path, "got " + value + ", expected " + min + " or more");
    }
  }

  void atLeast(long value, long min, String path) {
    if (value < min) {
      add(path, "got " + value + ", expected " + min + " or more");
    }
  }

  void fraction(double value, String path) {
    if (value < 0) {
      add(path, "is less than 0");
    } else if (value > 1) {
      add(path, "is greater than 1");
    }
  }

  void addAll(List<Violation> more, String prefix) {
    more.forEach(v -> list.add(v.under(prefix)));
  }

  List<Violation> list() {
    return List.copyOf(list);
  }
}
