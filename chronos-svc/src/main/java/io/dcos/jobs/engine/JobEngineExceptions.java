package io.dcos.jobs.engine;

/** Refusals of the engine that the APIs turn into their own error shapes. */
public final class JobEngineExceptions {
  private JobEngineExceptions() {}

  /** No job with that id. */
  public static final class JobNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobNotFound(String id) {
      super("Job '" + id + "' does not exist");
    }
  }

  /** No run with that id. */
  public static final class RunNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunNotFound(String jobId, String runId) {
      super("Run '" + runId + "' of job '" + jobId + "' does not exist");
    }
  }

  /** No schedule with that id. */
  public static final class ScheduleNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleNotFound(String jobId, String scheduleId) {
      super("Schedule '" + scheduleId + "' of job '" + jobId + "' does not exist");
    }
  }

  /** The change conflicts with the current state (existing id, active runs, children). */
  public static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message);
    }
  }

  /** A field of the job is invalid; {@code path} is a JSON pointer into the request. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public Invalid(String path, String message) {
      super(message);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /** This instance is not the leader (or not subscribed yet) and cannot act on runs. */
  public static final class NotLeader extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotLeader() {
      super("this instance is not the leader");
    }
  }
}
