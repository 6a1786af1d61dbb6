package io.dcos.jobs.schedule;

import io.dcos.jobs.model.ScheduleSpec;

/** Reads a {@link ScheduleSpec}'s expression into a {@link Schedule}. */
public final class Schedules {
  private Schedules() {}

  public static Schedule parse(ScheduleSpec spec) throws InvalidScheduleException {
    return parse(spec.kind(), spec.expression(), spec.timezone());
  }

  public static Schedule parse(ScheduleSpec.Kind kind, String expression, String timezone)
      throws InvalidScheduleException {
    return switch (kind) {
      case CRON -> CronSchedule.parse(expression, timezone);
      case ISO8601 -> IsoRepeatingSchedule.parse(expression, timezone);
    };
  }
}
