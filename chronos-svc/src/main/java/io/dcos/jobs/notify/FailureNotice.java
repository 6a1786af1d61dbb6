package io.dcos.jobs.notify;

import io.dcos.jobs.engine.RunFailure;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON bodies Chronos's HTTP notification client posts when a job's run failed (after its
 * retries) or the job was disabled by failing too often: {@code subject}, {@code message}, {@code
 * to} (one body per address in the job's comma-separated {@code owner}, none without an owner), the
 * job's fields as text ({@code job}, {@code command}, {@code cpus}, {@code mem}, {@code retries},
 * {@code softError}, {@code successCount}, {@code errorCount}, {@code errorsSinceLastSuccess},
 * {@code lastSuccess}, {@code lastError}, {@code uris}, {@code executor}, {@code executorFlags}),
 * and the run ({@code runId}, {@code taskId}, {@code taskState}, {@code disabled}). Pure.
 */
public final class FailureNotice {
  private FailureNotice() {}

  /** The bodies to post for {@code f}; {@code cluster}, when not blank, prefixes the subject. */
  public static List<Map<String, String>> bodies(RunFailure f, String cluster) {
    JobSpec job = f.job();
    RunSpec run = job.run();
    JobCounters c = f.counters();
    String prefix = cluster == null || cluster.isBlank() ? "" : "[" + cluster + "] ";
    String subject =
        f.disabledNow()
            ? prefix + "[Chronos] job '" + job.id() + "' disabled"
            : prefix + "[Chronos] job '" + job.id() + "' failed!";
    Map<String, String> base = new LinkedHashMap<>();
    base.put("subject", subject);
    base.put("message", message(f));
    base.put("job", job.id());
    base.put("command", run.cmd().isEmpty() ? String.join(" ", run.args()) : run.cmd());
    base.put("cpus", Double.toString(run.cpus()));
    base.put("mem", Double.toString(run.mem()));
    base.put("retries", Integer.toString(retries(run.restart())));
    base.put("softError", Boolean.toString(job.softError()));
    base.put("successCount", Long.toString(c.successCount()));
    base.put("errorCount", Long.toString(c.failureCount()));
    base.put("errorsSinceLastSuccess", Long.toString(c.errorsSinceLastSuccess()));
    base.put("lastSuccess", c.lastSuccessAt() == null ? "" : c.lastSuccessAt().toString());
    base.put("lastError", c.lastFailureAt() == null ? "" : c.lastFailureAt().toString());
    base.put(
        "uris",
        run.artifacts().stream().map(RunSpec.Artifact::uri).collect(Collectors.joining(",")));
    base.put("executor", "");
    base.put("executorFlags", "");
    base.put("runId", f.run().id());
    base.put("taskId", f.taskId());
    base.put("taskState", f.taskState());
    base.put("disabled", Boolean.toString(f.disabledNow() || c.disabled()));
    List<Map<String, String>> out = new ArrayList<>();
    for (String owner : job.owner().split("\\s*,\\s*")) {
      Map<String, String> body = new LinkedHashMap<>(base);
      if (!owner.isBlank()) {
        body.put("to", owner.trim());
      }
      out.add(body);
    }
    return out;
  }

  private static String message(RunFailure f) {
    String at = f.counters().lastFailureAt() == null ? "" : f.counters().lastFailureAt() + ": ";
    StringBuilder m = new StringBuilder(at);
    m.append("run ").append(f.run().id()).append(" failed");
    if (!f.taskId().isEmpty()) {
      m.append(", task ").append(f.taskId()).append(" ended ").append(f.taskState());
    }
    if (f.message() != null && !f.message().isBlank()) {
      m.append(" (").append(f.message()).append(')');
    }
    if (f.disabledNow()) {
      m.append("; the job is disabled after ")
          .append(f.counters().errorsSinceLastSuccess())
          .append(" failures in a row");
    }
    return m.toString();
  }

  private static int retries(RestartPolicy p) {
    return p.policy() == RestartPolicy.Policy.NEVER ? 0 : Math.max(0, p.maxRetries());
  }
}
