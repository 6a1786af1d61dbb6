package io.dcos.kernel.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline. Invariant: never waits past the deadline by
 * more than one poll interval, and fails loudly with what was awaited.
 */
final class Deadline {
  private Deadline() {}

  /** Polls {@code condition} every {@code every} until it holds or {@code within} has passed. */
  static void await(String what, Duration within, Duration every, BooleanSupplier condition)
      throws TimeoutException {
    long end = System.nanoTime() + within.toNanos();
    while (true) {
      boolean ok;
      try {
        ok = condition.getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      if (ok) {
        return;
      }
      if (System.nanoTime() - end > 0) {
        throw new TimeoutException("not within " + within + ": " + what);
      }
      LockSupport.parkNanos(every.toNanos());
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new TimeoutException("interrupted while waiting for " + what);
      }
    }
  }

  /** Polls {@code value} until it is present, then returns it. */
  static <T> T awaitValue(String what, Duration within, Duration every, Supplier<Optional<T>> value)
      throws TimeoutException {
    Object[] found = new Object[1];
    await(
        what,
        within,
        every,
        () -> {
          Optional<T> v = value.get();
          v.ifPresent(x -> found[0] = x);
          return v.isPresent();
        });
    @SuppressWarnings("unchecked")
    T t = (T) found[0];
    return t;
  }
}
