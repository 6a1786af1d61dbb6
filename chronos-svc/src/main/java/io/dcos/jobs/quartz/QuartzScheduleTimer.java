package io.dcos.jobs.quartz;

import io.dcos.jobs.engine.ScheduleTimer;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Schedule timers as one-shot Quartz triggers in the clustered JDBC job store: each carries its
 * job, schedule and due time, fires {@link ScheduleFireJob} on the leader, and is re-armed by the
 * engine for the next due time. The due time lives in the trigger's data, so a misfired trigger
 * that fires late (or a recovered one after a crash) still names the time it stands for.
 */
public final class QuartzScheduleTimer implements ScheduleTimer {
  static final String GROUP = "schedules";
  static final JobKey FIRE_JOB = JobKey.jobKey("schedule-fire", GROUP);
  static final String JOB = "jobId";
  static final String SCHEDULE = "scheduleId";
  static final String DUE = "dueMillis";

  private final Scheduler quartz;

  public QuartzScheduleTimer(Scheduler quartz) {
    this.quartz = quartz;
  }

  /**
   * Registers the one durable job all schedule triggers fire; recovery re-runs it after a crash.
   */
  public void registerFireJob() {
    try {
      JobDetail job =
          JobBuilder.newJob(ScheduleFireJob.class)
              .withIdentity(FIRE_JOB)
              .storeDurably()
              .requestRecovery()
              .build();
      quartz.addJob(job, true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot register the Quartz fire job", e);
    }
  }

  static TriggerKey key(String jobId, String scheduleId) {
    return TriggerKey.triggerKey(jobId + "/" + scheduleId, GROUP);
  }

  @Override
  public void arm(String jobId, String scheduleId, Instant due, Instant fireAt) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key(jobId, scheduleId))
            .forJob(FIRE_JOB)
            .usingJobData(JOB, jobId)
            .usingJobData(SCHEDULE, scheduleId)
            .usingJobData(DUE, due.toEpochMilli())
            .startAt(Date.from(fireAt))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    try {
      if (quartz.checkExists(trigger.getKey())) {
        quartz.rescheduleJob(trigger.getKey(), trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot arm " + jobId + "/" + scheduleId, e);
    }
  }

  @Override
  public void disarm(String jobId, String scheduleId) {
    try {
      quartz.unscheduleJob(key(jobId, scheduleId));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot disarm " + jobId + "/" + scheduleId, e);
    }
  }

  @Override
  public boolean armed(String jobId, String scheduleId) {
    try {
      return quartz.checkExists(key(jobId, scheduleId));
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }
}
