package io.dcos.jobs.api.chronos;

import io.dcos.jobs.dag.DependencyGraph;
import io.dcos.jobs.engine.JobCatalog;
import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.JobEngineExceptions.NotLeader;
import io.dcos.jobs.engine.JobHistory;
import io.dcos.jobs.history.DurationHistogram;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.TaskRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** The Chronos API under {@code /scheduler} (2.x) and {@code /v1/scheduler} (3.x). */
@RestController
@RequestMapping({"/scheduler", "/v1/scheduler"})
public class ChronosController {
  private final JobCatalog catalog;
  private final JobEngine engine;
  private final JobHistory history;
  private final ChronosConverter converter;

  public ChronosController(
      JobCatalog catalog, JobEngine engine, JobHistory history, ChronosConverter converter) {
    this.catalog = catalog;
    this.engine = engine;
    this.history = history;
    this.converter = converter;
  }

  @PostMapping("/iso8601")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void scheduled(@RequestBody ChronosJson.Job job) {
    catalog.put(converter.toSpec(job, false, stored(job)));
  }

  @PostMapping("/dependency")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void dependent(@RequestBody ChronosJson.Job job) {
    catalog.put(converter.toSpec(job, true, stored(job)));
  }

  /** The stored job a posted job replaces, so what this API cannot show is kept. */
  private Optional<JobSpec> stored(ChronosJson.Job job) {
    return job == null || job.name() == null || !ChronosConverter.NAME.matcher(job.name()).matches()
        ? Optional.empty()
        : catalog.find(job.name());
  }

  @GetMapping("/jobs")
  public List<ChronosJson.Job> jobs() {
    Map<String, JobCounters> counters = history.allCounters();
    return catalog.all().stream().map(j -> view(j, counters)).toList();
  }

  @GetMapping("/jobs/summary")
  public Map<String, Object> summary() {
    Map<String, JobCounters> counters = history.allCounters();
    List<Map<String, Object>> jobs =
        catalog.all().stream()
            .map(
                j -> {
                  ChronosJson.Job v = view(j, counters);
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("name", j.id());
                  m.put("status", lastStatus(counters.get(j.id())));
                  m.put("state", history.active(j.id()).isEmpty() ? "idle" : "running");
                  m.put("schedule", v.schedule() == null ? "" : v.schedule());
                  m.put("parents", j.parents());
                  m.put("disabled", v.disabled());
                  return m;
                })
            .toList();
    return Map.of("jobs", jobs);
  }

  @GetMapping("/jobs/search")
  public List<ChronosJson.Job> search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String command,
      @RequestParam(required = false) String any,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Map<String, JobCounters> counters = history.allCounters();
    Stream<JobSpec> s = catalog.all().stream();
    if (name != null) {
      s = s.filter(j -> contains(j.id(), name));
    }
    if (command != null) {
      s = s.filter(j -> contains(j.run().cmd(), command));
    }
    if (any != null) {
      s =
          s.filter(
              j ->
                  contains(j.id(), any)
                      || contains(j.run().cmd(), any)
                      || contains(j.description(), any)
                      || contains(j.owner(), any));
    }
    return s.skip(Math.max(0, offset))
        .limit(Math.max(0, limit))
        .map(j -> view(j, counters))
        .toList();
  }

  private static boolean contains(String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  @GetMapping("/job/{name}")
  public ChronosJson.Job job(@PathVariable String name) {
    return converter.toJson(catalog.get(name), history.counters(name));
  }

  @PutMapping("/job/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void runNow(@PathVariable String name, @RequestParam(defaultValue = "") String arguments) {
    catalog.get(name);
    requireLeader();
    engine.runNow(name, arguments);
  }

  @DeleteMapping("/job/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String name) {
    catalog.delete(name, true);
  }

  @PutMapping("/job/success/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void markSuccess(@PathVariable String name) {
    requireLeader();
    engine.markSuccess(name);
  }

  @DeleteMapping("/task/kill/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void killTasks(@PathVariable String name) {
    catalog.get(name);
    requireLeader();
    engine.stopAll(name);
  }

  @GetMapping("/job/stat/{name}")
  public ChronosJson.Stat stat(@PathVariable String name) {
    catalog.get(name);
    DurationHistogram h = history.durations(name);
    List<ChronosJson.TaskStat> tasks =
        history.tasks(name).stream().map(t -> taskStat(name, t)).toList();
    return new ChronosJson.Stat(
        new ChronosJson.Histogram(
            h.p75(), h.p95(), h.p98(), h.p99(), h.median(), h.mean(), h.count()),
        tasks);
  }

  private static ChronosJson.TaskStat taskStat(String job, TaskRecord t) {
    String duration =
        t.startedAt() != null && t.completedAt() != null
            ? Duration.between(t.startedAt(), t.completedAt()).toString()
            : null;
    return new ChronosJson.TaskStat(
        t.id(),
        job,
        t.agentId(),
        t.startedAt() == null ? null : t.startedAt().toString(),
        t.completedAt() == null ? null : t.completedAt().toString(),
        duration,
        t.state());
  }

  @GetMapping(value = "/graph/dot", produces = MediaType.TEXT_PLAIN_VALUE)
  public String dot() {
    return DependencyGraph.of(catalog.all()).toDot();
  }

  @GetMapping(value = "/graph/csv", produces = MediaType.TEXT_PLAIN_VALUE)
  public String csv() {
    Map<String, JobCounters> counters = history.allCounters();
    Map<String, String> status = new HashMap<>();
    Map<String, String> state = new HashMap<>();
    counters.forEach((id, c) -> status.put(id, lastStatus(c)));
    for (JobRun r : history.allActive()) {
      state.put(r.jobId(), "running");
    }
    return DependencyGraph.of(catalog.all()).toCsv(status, state);
  }

  private static String lastStatus(JobCounters c) {
    if (c == null || (c.lastSuccessAt() == null && c.lastFailureAt() == null)) {
      return "fresh";
    }
    if (c.lastFailureAt() == null) {
      return "success";
    }
    if (c.lastSuccessAt() == null) {
      return "failure";
    }
    return c.lastSuccessAt().isAfter(c.lastFailureAt()) ? "success" : "failure";
  }

  private ChronosJson.Job view(JobSpec j, Map<String, JobCounters> counters) {
    return converter.toJson(j, counters.getOrDefault(j.id(), JobCounters.empty(j.id())));
  }

  private void requireLeader() {
    if (!engine.leading()) {
      throw new NotLeader();
    }
  }
}
