package io.dcos.jobs.schedule;

import static io.dcos.jobs.schedule.IsoRepeatingScheduleTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  @Test
  void everyMinuteAndHourly() throws Exception {
    assertThat(CronSchedule.parse("* * * * *", "").nextAfter(at("2026-01-01T00:00:30Z")))
        .contains(at("2026-01-01T00:01:00Z"));
    assertThat(CronSchedule.parse("15 * * * *", "UTC").nextAfter(at("2026-01-01T00:20:00Z")))
        .contains(at("2026-01-01T01:15:00Z"));
  }

  @Test
  void dayOfWeekUsesCronNumbering() throws Exception {
    // 2026-01-01 is a Thursday. Cron 1 = Monday, 0 and 7 = Sunday.
    assertThat(CronSchedule.parse("0 9 * * 1", "").nextAfter(at("2026-01-01T00:00:00Z")))
        .contains(at("2026-01-05T09:00:00Z"));
    assertThat(CronSchedule.parse("0 9 * * 0", "").nextAfter(at("2026-01-01T00:00:00Z")))
        .contains(at("2026-01-04T09:00:00Z"));
    assertThat(CronSchedule.parse("0 9 * * 7", "").nextAfter(at("2026-01-01T00:00:00Z")))
        .contains(at("2026-01-04T09:00:00Z"));
    assertThat(CronSchedule.parse("0 9 * * 1-5", "").nextAfter(at("2026-01-02T10:00:00Z")))
        .contains(at("2026-01-05T09:00:00Z"));
  }

  @Test
  void timeZoneMovesTheInstant() throws Exception {
    assertThat(
            CronSchedule.parse("30 2 * * *", "Europe/Berlin").nextAfter(at("2026-01-01T00:00:00Z")))
        .contains(at("2026-01-01T01:30:00Z"));
  }

  @Test
  void invalidExpressionsAreExplained() {
    assertThatThrownBy(() -> CronSchedule.parse("* * * *", ""))
        .hasMessageContaining("has 4 fields; expected 5");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", ""))
        .hasMessageStartingWith("cron '61 * * * *' is invalid");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 1 * 1", ""))
        .hasMessageContaining("both day-of-month and day-of-week");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * 9", ""))
        .hasMessageContaining("day-of-week 9");
    assertThatThrownBy(() -> CronSchedule.parse("* * * * *", "Nowhere/City"))
        .hasMessageContaining("unknown time zone");
  }

  @Property(tries = 100)
  void dailyAtFixedTimeMatchesTheFields(
      @ForAll @IntRange(min = 0, max = 59) int minute,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 6) int dow,
      @ForAll @IntRange(min = 0, max = 100_000_000) int offset)
      throws Exception {
    Instant from = at("2026-01-01T00:00:00Z").plusSeconds(offset);
    Instant next =
        CronSchedule.parse(minute + " " + hour + " * * " + dow, "").nextAfter(from).orElseThrow();
    var t = next.atZone(ZoneOffset.UTC);
    assertThat(t.getMinute()).isEqualTo(minute);
    assertThat(t.getHour()).isEqualTo(hour);
    assertThat(t.getDayOfWeek()).isEqualTo(dow == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(dow));
    assertThat(next).isAfter(from).isBeforeOrEqualTo(from.plusSeconds(7 * 86_400));
  }
}
