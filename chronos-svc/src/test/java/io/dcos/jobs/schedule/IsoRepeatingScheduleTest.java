package io.dcos.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoRepeatingScheduleTest {
  static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void hourlyFromStart() throws Exception {
    Schedule s = IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/PT1H", "");
    assertThat(s.nextAfter(at("2025-12-31T10:00:00Z"))).contains(at("2026-01-01T00:00:00Z"));
    assertThat(s.nextAfter(at("2026-01-01T00:00:00Z"))).contains(at("2026-01-01T01:00:00Z"));
    assertThat(s.nextAfter(at("2026-03-05T07:30:00Z"))).contains(at("2026-03-05T08:00:00Z"));
  }

  @Test
  void boundedRepetitionsEndAndR0IsExhausted() throws Exception {
    Schedule three = IsoRepeatingSchedule.parse("R3/2026-01-01T00:00:00Z/PT1M", null);
    assertThat(enumerate(three, at("2025-01-01T00:00:00Z"), 10))
        .containsExactly(
            at("2026-01-01T00:00:00Z"), at("2026-01-01T00:01:00Z"), at("2026-01-01T00:02:00Z"));
    Schedule none = IsoRepeatingSchedule.parse("R0/2026-01-01T00:00:00Z/PT1M", null);
    assertThat(none.nextAfter(at("2025-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void dailyKeepsTheLocalHourAcrossDaylightSaving() throws Exception {
    // 09:00 in New York is 14:00Z in winter and 13:00Z in summer (DST starts 2026-03-08).
    Schedule s = IsoRepeatingSchedule.parse("R/2026-03-06T09:00:00Z/P1D", "America/New_York");
    assertThat(s.nextAfter(at("2026-03-06T00:00:00Z"))).contains(at("2026-03-06T14:00:00Z"));
    assertThat(s.nextAfter(at("2026-03-08T00:00:00Z"))).contains(at("2026-03-08T13:00:00Z"));
  }

  @Test
  void monthlyAndMixedPeriods() throws Exception {
    Schedule monthly = IsoRepeatingSchedule.parse("R/2026-01-31T00:00:00Z/P1M", "UTC");
    assertThat(monthly.nextAfter(at("2026-01-31T00:00:00Z"))).contains(at("2026-02-28T00:00:00Z"));
    assertThat(monthly.nextAfter(at("2026-02-28T00:00:00Z"))).contains(at("2026-03-31T00:00:00Z"));
    Schedule mixed = IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/P1DT12H", "UTC");
    assertThat(mixed.nextAfter(at("2026-01-01T00:00:00Z"))).contains(at("2026-01-02T12:00:00Z"));
    assertThat(mixed.nextAfter(at("2026-01-02T12:00:00Z"))).contains(at("2026-01-04T00:00:00Z"));
  }

  @Test
  void offsetInTheStartTimeCountsWithoutTimeZone() throws Exception {
    Schedule s = IsoRepeatingSchedule.parse("R/2026-01-01T08:00:00+02:00/PT24H", "");
    assertThat(s.nextAfter(at("2025-12-31T00:00:00Z"))).contains(at("2026-01-01T06:00:00Z"));
  }

  @Test
  void invalidSchedulesAreExplained() {
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("every hour", ""))
        .hasMessageContaining("R[n]/<start>/<period>");
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("Rx/2026-01-01T00:00:00Z/PT1H", ""))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("R/yesterday/PT1H", ""))
        .hasMessageContaining("not an ISO 8601 date-time");
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/1H", ""))
        .hasMessageContaining("not an ISO 8601 duration");
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/PT0S", ""))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/PT1H", "Mars/Base"))
        .hasMessageContaining("unknown time zone 'Mars/Base'");
  }

  @Property(tries = 200)
  void fixedPeriodsEnumerateEveryStepInOrder(
      @ForAll @IntRange(min = 1, max = 7200) int periodSeconds,
      @ForAll @LongRange(min = 0, max = 10_000_000) long offsetSeconds)
      throws Exception {
    Instant start = at("2026-01-01T00:00:00Z");
    Schedule s = IsoRepeatingSchedule.parse("R/2026-01-01T00:00:00Z/PT" + periodSeconds + "S", "");
    Instant t = start.plusSeconds(offsetSeconds);
    Instant next = s.nextAfter(t).orElseThrow();
    assertThat(next).isAfter(t);
    assertThat(next.getEpochSecond() - start.getEpochSecond())
        .isEqualTo(((offsetSeconds / periodSeconds) + 1) * periodSeconds);
  }

  static List<Instant> enumerate(Schedule s, Instant from, int max) {
    List<Instant> out = new ArrayList<>();
    Optional<Instant> next = s.nextAfter(from);
    while (next.isPresent() && out.size() < max) {
      out.add(next.get());
      next = s.nextAfter(next.get());
    }
    return out;
  }
}
