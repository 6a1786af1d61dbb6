package io.dcos.jobs.quartz;

import io.dcos.jobs.engine.JobEngine;
import java.time.Instant;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The Quartz job every schedule trigger fires: hands the due time to the engine, which claims it in
 * PostgreSQL before launching, so a re-execution after a crash never launches twice.
 */
public final class ScheduleFireJob implements org.quartz.Job {
  private final JobEngine engine;

  public ScheduleFireJob(JobEngine engine) {
    this.engine = engine;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    JobDataMap data = context.getMergedJobDataMap();
    String jobId = data.getString(QuartzScheduleTimer.JOB);
    String scheduleId = data.getString(QuartzScheduleTimer.SCHEDULE);
    if (jobId == null || scheduleId == null) {
      return;
    }
    Instant due = Instant.ofEpochMilli(data.getLong(QuartzScheduleTimer.DUE));
    try {
      engine.scheduleDue(jobId, scheduleId, due);
    } catch (RuntimeException e) {
      throw new JobExecutionException("firing " + jobId + "/" + scheduleId + " failed", e, false);
    }
  }
}
