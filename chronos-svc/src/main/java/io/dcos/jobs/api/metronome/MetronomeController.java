package io.dcos.jobs.api.metronome;

import io.dcos.jobs.api.Problems;
import io.dcos.jobs.engine.JobCatalog;
import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.JobEngineExceptions.Conflict;
import io.dcos.jobs.engine.JobEngineExceptions.NotLeader;
import io.dcos.jobs.engine.JobHistory;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.store.RunReasonRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Metronome's {@code /v1/jobs} API over the shared job model. */
@RestController
@RequestMapping("/v1")
public class MetronomeController {
  private final JobCatalog catalog;
  private final JobEngine engine;
  private final JobHistory history;
  private final MetronomeConverter converter;
  private final RunReasonRepository reasons;
  private final Clock clock;

  public MetronomeController(
      JobCatalog catalog,
      JobEngine engine,
      JobHistory history,
      MetronomeConverter converter,
      RunReasonRepository reasons,
      Clock clock) {
    this.catalog = catalog;
    this.engine = engine;
    this.history = history;
    this.converter = converter;
    this.reasons = reasons;
    this.clock = clock;
  }

  @GetMapping("/jobs")
  public List<MetronomeJson.Job> list(@RequestParam(required = false) List<String> embed) {
    Set<String> e = embeds(embed);
    return catalog.all().stream().map(j -> view(j, e)).toList();
  }

  @PostMapping("/jobs")
  @ResponseStatus(HttpStatus.CREATED)
  public MetronomeJson.Job create(@RequestBody MetronomeJson.Job body) {
    JobSpec job = converter.toSpec(body, null);
    catalog.create(job);
    return view(job, Set.of("schedules"));
  }

  @GetMapping("/jobs/{id}")
  public MetronomeJson.Job get(
      @PathVariable String id, @RequestParam(required = false) List<String> embed) {
    return view(catalog.get(id), embeds(embed));
  }

  @PutMapping("/jobs/{id}")
  public MetronomeJson.Job update(@PathVariable String id, @RequestBody MetronomeJson.Job body) {
    JobSpec existing = catalog.get(id);
    JobSpec job = converter.toSpec(body, id, Optional.of(existing));
    if (body.schedules() == null) {
      job = job.withSchedules(existing.schedules());
    }
    catalog.replace(job);
    return view(job, Set.of());
  }

  @DeleteMapping("/jobs/{id}")
  public MetronomeJson.Job delete(
      @PathVariable String id, @RequestParam(defaultValue = "false") boolean stopCurrentJobRuns) {
    JobSpec job = catalog.get(id);
    catalog.delete(id, stopCurrentJobRuns);
    return view(job, Set.of());
  }

  // ---- Schedules ----

  @GetMapping("/jobs/{id}/schedules")
  public List<MetronomeJson.Schedule> schedules(@PathVariable String id) {
    return catalog.get(id).schedules().stream()
        .map(s -> MetronomeViews.schedule(s, clock.instant()))
        .toList();
  }

  @PostMapping("/jobs/{id}/schedules")
  @ResponseStatus(HttpStatus.CREATED)
  public MetronomeJson.Schedule addSchedule(
      @PathVariable String id, @RequestBody MetronomeJson.Schedule body) {
    JobSpec job = catalog.get(id);
    ScheduleSpec s = schedule(body, null);
    if (job.schedule(s.id()).isPresent()) {
      throw new Conflict("Schedule with id '" + s.id() + "' already exists");
    }
    List<ScheduleSpec> next = new ArrayList<>(job.schedules());
    next.add(s);
    catalog.replace(job.withSchedules(next));
    return MetronomeViews.schedule(s, clock.instant());
  }

  @GetMapping("/jobs/{id}/schedules/{sid}")
  public MetronomeJson.Schedule schedule(@PathVariable String id, @PathVariable String sid) {
    return MetronomeViews.schedule(scheduleOf(catalog.get(id), sid), clock.instant());
  }

  @PutMapping("/jobs/{id}/schedules/{sid}")
  public MetronomeJson.Schedule replaceSchedule(
      @PathVariable String id, @PathVariable String sid, @RequestBody MetronomeJson.Schedule body) {
    JobSpec job = catalog.get(id);
    scheduleOf(job, sid);
    ScheduleSpec s = schedule(body, sid);
    List<ScheduleSpec> next = new ArrayList<>();
    for (ScheduleSpec old : job.schedules()) {
      next.add(old.id().equals(sid) ? s : old);
    }
    catalog.replace(job.withSchedules(next));
    return MetronomeViews.schedule(s, clock.instant());
  }

  @DeleteMapping("/jobs/{id}/schedules/{sid}")
  public void deleteSchedule(@PathVariable String id, @PathVariable String sid) {
    JobSpec job = catalog.get(id);
    scheduleOf(job, sid);
    catalog.replace(
        job.withSchedules(job.schedules().stream().filter(s -> !s.id().equals(sid)).toList()));
  }

  private ScheduleSpec schedule(MetronomeJson.Schedule body, String pathId) {
    Problems p = new Problems();
    MetronomeJson.Schedule withId =
        body != null && body.id() == null && pathId != null
            ? new MetronomeJson.Schedule(
                pathId,
                body.cron(),
                body.iso8601(),
                body.timezone(),
                body.startingDeadlineSeconds(),
                body.concurrencyPolicy(),
                body.enabled(),
                null)
            : body;
    ScheduleSpec s = converter.schedule(withId, "", p);
    if (pathId != null && s != null && !s.id().equals(pathId)) {
      p.add("/id", "does not match the id in the path '" + pathId + "'");
    }
    p.throwIfAny();
    return s;
  }

  private static ScheduleSpec scheduleOf(JobSpec job, String sid) {
    return job.schedule(sid)
        .orElseThrow(
            () -> new io.dcos.jobs.engine.JobEngineExceptions.ScheduleNotFound(job.id(), sid));
  }

  // ---- Runs ----

  @GetMapping("/jobs/{id}/runs")
  public List<MetronomeJson.RunView> activeRuns(@PathVariable String id) {
    catalog.get(id);
    return history.active(id).stream().map(MetronomeViews::run).toList();
  }

  @PostMapping("/jobs/{id}/runs")
  @ResponseStatus(HttpStatus.CREATED)
  public MetronomeJson.RunView startRun(@PathVariable String id) {
    catalog.get(id);
    requireLeader();
    return MetronomeViews.run(engine.runNow(id, ""));
  }

  @GetMapping("/jobs/{id}/runs/{runId}")
  public MetronomeJson.RunView run(@PathVariable String id, @PathVariable String runId) {
    JobRun r = history.run(id, runId);
    return MetronomeViews.run(r, reasons.reasons(List.of(r.id())).get(r.id()));
  }

  @PostMapping("/jobs/{id}/runs/{runId}/actions/stop")
  public Map<String, String> stop(@PathVariable String id, @PathVariable String runId) {
    requireLeader();
    engine.stopRun(id, runId);
    return Map.of();
  }

  /** Runs waiting to be launched, per job. */
  @GetMapping("/queue")
  public List<Map<String, Object>> queue() {
    Map<String, List<Map<String, String>>> byJob = new LinkedHashMap<>();
    for (JobRun r : history.allActive()) {
      if (r.status() == RunStatus.INITIAL) {
        byJob.computeIfAbsent(r.jobId(), k -> new ArrayList<>()).add(Map.of("runId", r.id()));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byJob.forEach((job, runs) -> out.add(Map.of("jobId", job, "runs", runs)));
    return out;
  }

  private void requireLeader() {
    if (!engine.leading()) {
      throw new NotLeader();
    }
  }

  private MetronomeJson.Job view(JobSpec job, Set<String> embed) {
    Optional<List<JobRun>> active =
        embed.contains("activeRuns") ? Optional.of(history.active(job.id())) : Optional.empty();
    Optional<MetronomeJson.History> full = Optional.empty();
    if (embed.contains("history")) {
      List<JobRun> finished = history.finished(job.id());
      full =
          Optional.of(
              MetronomeViews.history(
                  history.counters(job.id()),
                  finished,
                  reasons.reasons(finished.stream().map(JobRun::id).toList())));
    }
    Optional<MetronomeJson.History> summary =
        embed.contains("historySummary")
            ? Optional.of(MetronomeViews.history(history.counters(job.id()), null))
            : Optional.empty();
    return converter.toJson(
        job, active, full, summary, embed.contains("schedules"), clock.instant());
  }

  private static Set<String> embeds(List<String> embed) {
    if (embed == null) {
      return Set.of();
    }
    Set<String> out = new java.util.HashSet<>();
    for (String e : embed) {
      for (String part : e.split(",")) {
        out.add(part.trim());
      }
    }
    return out;
  }
}
