package io.dcos.jobs.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A Chronos schedule {@code R[n]/<start>/<period>}: due at {@code start + k * period} for {@code k
 * = 0 .. n-1} ({@code R} or {@code R-1}: without end; {@code R0}: never). The period may mix
 * calendar parts and time ({@code P1M}, {@code P1DT12H}); calendar arithmetic happens in the
 * schedule's time zone, so {@code P1D} keeps the local hour across daylight saving changes.
 * Invariant: {@code repetitions >= 0} or {@code -1} for unbounded.
 */
public final class IsoRepeatingSchedule implements Schedule {
  private final long repetitions;
  private final ZonedDateTime start;
  private final Period datePart;
  private final Duration timePart;

  private IsoRepeatingSchedule(
      long repetitions, ZonedDateTime start, Period datePart, Duration timePart) {
    this.repetitions = repetitions;
    this.start = start;
    this.datePart = datePart;
    this.timePart = timePart;
  }

  /**
   * Parses {@code text}; {@code timezone}, when not blank, wins over the offset written in the
   * start time (Chronos's {@code scheduleTimeZone}).
   */
  public static IsoRepeatingSchedule parse(String text, String timezone)
      throws InvalidScheduleException {
    if (text == null || text.isBlank()) {
      throw new InvalidScheduleException("schedule is empty; expected R[n]/<start>/<period>");
    }
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 3 || !parts[0].startsWith("R")) {
      throw new InvalidScheduleException(
          "schedule '" + text + "' is not of the form R[n]/<start>/<period>");
    }
    long n;
    try {
      n = parts[0].length() == 1 ? -1 : Long.parseLong(parts[0].substring(1));
    } catch (NumberFormatException e) {
      throw new InvalidScheduleException(
          "repetitions '" + parts[0] + "' of schedule '" + text + "' are not a number");
    }
    if (n < -1) {
      throw new InvalidScheduleException("repetitions must be -1 (unbounded) or at least 0");
    }
    ZoneId zone = zone(timezone);
    ZonedDateTime start = start(parts[1], zone, text);
    String period = parts[2];
    int t = period.indexOf('T');
    Period date;
    Duration time;
    try {
      date =
          t == 1 || period.equals("P")
              ? Period.ZERO
              : Period.parse(t < 0 ? period : period.substring(0, t));
      time = t < 0 ? Duration.ZERO : Duration.parse("PT" + period.substring(t + 1));
    } catch (DateTimeParseException e) {
      throw new InvalidScheduleException(
          "period '" + period + "' of schedule '" + text + "' is not an ISO 8601 duration");
    }
    if (date.isNegative() || time.isNegative() || (date.isZero() && time.isZero())) {
      throw new InvalidScheduleException(
          "period '" + period + "' of schedule '" + text + "' must be positive");
    }
    if (date.isZero() && time.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidScheduleException("period '" + period + "' is shorter than one second");
    }
    return new IsoRepeatingSchedule(n, start, date, time);
  }

  static ZoneId zone(String timezone) throws InvalidScheduleException {
    if (timezone == null || timezone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(timezone.trim());
    } catch (DateTimeException e) {
      throw new InvalidScheduleException("unknown time zone '" + timezone + "'");
    }
  }

  private static ZonedDateTime start(String text, ZoneId zone, String whole)
      throws InvalidScheduleException {
    try {
      if (text.isEmpty()) {
        throw new InvalidScheduleException("schedule '" + whole + "' has no start time");
      }
      OffsetDateTime odt = OffsetDateTime.parse(text);
      return zone == null ? odt.toZonedDateTime() : odt.toLocalDateTime().atZone(zone);
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime local = LocalDateTime.parse(text);
        return local.atZone(zone == null ? ZoneId.of("UTC") : zone);
      } catch (DateTimeParseException e2) {
        throw new InvalidScheduleException(
            "start '" + text + "' of schedule '" + whole + "' is not an ISO 8601 date-time");
      }
    }
  }

  /** Repetitions left; -1 without end, 0 when exhausted ({@code R0}). */
  public long repetitions() {
    return repetitions;
  }

  public Instant start() {
    return start.toInstant();
  }

  private boolean fixed() {
    return datePart.isZero();
  }

  private Instant occurrence(long k) {
    if (fixed()) {
      return start.toInstant().plus(timePart.multipliedBy(k));
    }
    return start
        .plus(datePart.multipliedBy(Math.toIntExact(k)))
        .plus(timePart.multipliedBy(k))
        .toInstant();
  }

  private boolean inRange(long k) {
    return repetitions < 0 || k < repetitions;
  }

  @Override
  public Optional<Instant> nextAfter(Instant t) {
    if (repetitions == 0) {
      return Optional.empty();
    }
    Instant first = start.toInstant();
    if (first.isAfter(t)) {
      return Optional.of(first);
    }
    long k;
    if (fixed()) {
      k = Duration.between(first, t).toNanos() / timePart.toNanos() + 1;
    } else {
      // Estimate with an average length, then correct: calendar periods vary in length.
      Duration approx =
          Duration.ofDays(datePart.toTotalMonths() * 30 + datePart.getDays()).plus(timePart);
      k =
          Math.max(
              0, Duration.between(first, t).getSeconds() / Math.max(1, approx.getSeconds()) - 2);
      while (!occurrence(k).isAfter(t)) {
        k++;
      }
      while (k > 0 && occurrence(k - 1).isAfter(t)) {
        k--;
      }
    }
    return inRange(k) ? Optional.of(occurrence(k)) : Optional.empty();
  }

  @Override
  public String toString() {
    return (repetitions < 0 ? "R" : "R" + repetitions)
        + "/"
        + start.toOffsetDateTime()
        + "/"
        + (datePart.isZero() ? "" : datePart)
        + timePart;
  }
}
