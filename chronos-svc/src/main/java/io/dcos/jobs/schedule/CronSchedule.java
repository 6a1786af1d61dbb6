package io.dcos.jobs.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A 5-field cron schedule ({@code minute hour day-of-month month day-of-week}) in a time zone,
 * evaluated by Quartz's {@link CronExpression} after conversion to Quartz's 6-field form: seconds
 * become 0, one of the two day fields becomes {@code ?}, and day-of-week numbers (cron: 0 or 7 =
 * Sunday) become names. Restricting both day fields at once (cron's "either matches") is refused
 * with an explanation rather than silently read differently.
 */
public final class CronSchedule implements Schedule {
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
  private final CronExpression expression;
  private final String text;

  private CronSchedule(CronExpression expression, String text) {
    this.expression = expression;
    this.text = text;
  }

  /** Parses {@code text} read in {@code timezone} (UTC when blank). */
  public static CronSchedule parse(String text, String timezone) throws InvalidScheduleException {
    if (text == null || text.isBlank()) {
      throw new InvalidScheduleException("cron expression is empty");
    }
    String[] f = text.trim().split("\\s+");
    if (f.length != 5) {
      throw new InvalidScheduleException(
          "cron '"
              + text
              + "' has "
              + f.length
              + " fields; expected 5: minute hour day-of-month month day-of-week");
    }
    ZoneId zone = IsoRepeatingSchedule.zone(timezone);
    String dom = f[2];
    String dow = dayOfWeek(f[4], text);
    boolean domAny = dom.equals("*") || dom.equals("?");
    boolean dowAny = dow.equals("*") || dow.equals("?");
    if (!domAny && !dowAny) {
      throw new InvalidScheduleException(
          "cron '" + text + "' restricts both day-of-month and day-of-week; restrict only one");
    }
    if (dowAny) {
      dow = "?";
    } else {
      dom = "?";
    }
    String quartz = "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
    try {
      CronExpression e = new CronExpression(quartz);
      e.setTimeZone(TimeZone.getTimeZone(zone == null ? ZoneOffset.UTC : zone));
      return new CronSchedule(e, text.trim());
    } catch (ParseException | RuntimeException e) {
      throw new InvalidScheduleException("cron '" + text + "' is invalid: " + e.getMessage());
    }
  }

  private static String dayOfWeek(String field, String text) throws InvalidScheduleException {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < field.length()) {
      char c = field.charAt(i);
      if (Character.isDigit(c)) {
        int j = i;
        while (j < field.length() && Character.isDigit(field.charAt(j))) {
          j++;
        }
        boolean step = i > 0 && field.charAt(i - 1) == '/';
        int n = Integer.parseInt(field.substring(i, j));
        if (step) {
          out.append(n);
        } else if (n > 7) {
          throw new InvalidScheduleException(
              "cron '" + text + "' is invalid: day-of-week " + n + " is not between 0 and 7");
        } else {
          out.append(DAYS[n]);
        }
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Override
  public Optional<Instant> nextAfter(Instant t) {
    Date next = expression.getNextValidTimeAfter(Date.from(t));
    return Optional.ofNullable(next).map(Date::toInstant);
  }

  @Override
  public String toString() {
    return text;
  }
}
