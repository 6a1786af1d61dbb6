package io.dcos.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dcos.jobs.api.chronos.ChronosConverter;
import io.dcos.jobs.api.chronos.ChronosJson;
import io.dcos.jobs.api.metronome.MetronomeConverter;
import io.dcos.jobs.api.metronome.MetronomeJson;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.Constraint;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any job, shown through one API, sent over the wire as JSON and written back through the same API,
 * is stored exactly as before: nothing either view cannot show is lost, whichever API created it.
 */
class RoundTripPropertyTest {
  static final Duration RETRY_DELAY = Duration.ofSeconds(10);
  static final ObjectMapper WIRE =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  static final ChronosConverter CHRONOS = new ChronosConverter(RETRY_DELAY, Duration.ofMinutes(5));
  static final MetronomeConverter METRONOME = new MetronomeConverter(RETRY_DELAY);
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Property(tries = 300)
  void aJobWrittenBackThroughChronosAsReadIsUnchanged(@ForAll("jobs") JobSpec job)
      throws Exception {
    ChronosJson.Job shown = CHRONOS.toJson(job, JobCounters.empty(job.id()));
    ChronosJson.Job sent = WIRE.readValue(WIRE.writeValueAsString(shown), ChronosJson.Job.class);
    JobSpec back = CHRONOS.toSpec(sent, job.isDependent(), Optional.of(job));
    assertThat(back).isEqualTo(job);
  }

  @Property(tries = 300)
  void aJobWrittenBackThroughMetronomeAsReadIsUnchanged(@ForAll("jobs") JobSpec job)
      throws Exception {
    MetronomeJson.Job shown =
        METRONOME.toJson(job, Optional.empty(), Optional.empty(), Optional.empty(), true, NOW);
    MetronomeJson.Job sent =
        WIRE.readValue(WIRE.writeValueAsString(shown), MetronomeJson.Job.class);
    JobSpec back = METRONOME.toSpec(sent, job.id(), Optional.of(job));
    assertThat(back).isEqualTo(job);
  }

  @Provide
  Arbitrary<JobSpec> jobs() {
    Arbitrary<String> ids = Arbitraries.of("a", "backup.db", "reports-weekly", "x1.y2.z3");
    Arbitrary<Map<String, String>> labels =
        Arbitraries.maps(Arbitraries.of("team", "tier", "owner"), Arbitraries.of("data", "ops"))
            .ofMaxSize(2);
    Arbitrary<List<ScheduleSpec>> schedules =
        schedule().list().ofMaxSize(3).uniqueElements(ScheduleSpec::id);
    Arbitrary<List<String>> parents =
        Arbitraries.of("parent-a", "parent-b").list().ofMaxSize(2).uniqueElements();
    return Combinators.combine(
            ids,
            Arbitraries.of("", "nightly dump"),
            labels,
            schedules,
            parents,
            runs(),
            Arbitraries.of(true, false),
            Arbitraries.of("", "ops@example.com", "a@example.com, b@example.com"))
        .as(
            (id, description, l, s, p, run, softError, owner) ->
                new JobSpec(
                    id,
                    description,
                    l,
                    p.isEmpty() ? s : List.of(),
                    s.isEmpty() ? p : List.of(),
                    run,
                    softError,
                    owner,
                    owner.isEmpty() ? "" : "Ops"))
        .filter(j -> !j.schedules().isEmpty() || !j.parents().isEmpty());
  }

  Arbitrary<ScheduleSpec> schedule() {
    return Arbitraries.oneOf(
        schedules(
            ScheduleSpec.Kind.CRON,
            Arbitraries.of("default", "nightly", "monthly"),
            Arbitraries.of("0 3 * * *", "*/5 * * * *", "30 8 * * 1-5"),
            Arbitraries.of("UTC", "Europe/Berlin")),
        schedules(
            ScheduleSpec.Kind.ISO8601,
            Arbitraries.of("default", "hourly"),
            Arbitraries.of(
                "R/2030-01-01T00:00:00Z/PT1H",
                "R5/2030-01-01T02:00:00+02:00/P1D",
                "R/2030-03-01T00:00:00Z/P1M"),
            Arbitraries.of("", "America/New_York")));
  }

  static Arbitrary<ScheduleSpec> schedules(
      ScheduleSpec.Kind kind,
      Arbitrary<String> ids,
      Arbitrary<String> expressions,
      Arbitrary<String> zones) {
    return Combinators.combine(
            ids,
            expressions,
            zones,
            Arbitraries.longs().between(1, 7200),
            Arbitraries.of(ConcurrencyPolicy.class),
            Arbitraries.of(true, false))
        .as(
            (id, expr, tz, deadline, policy, enabled) ->
                new ScheduleSpec(
                    id, kind, expr, tz, Duration.ofSeconds(deadline), policy, enabled));
  }

  Arbitrary<RunSpec> runs() {
    // cmd through a shell (both APIs), cmd without one (Chronos), or an argument vector.
    Arbitrary<Object[]> command =
        Arbitraries.of(
            new Object[] {"echo hi", List.of(), true},
            new Object[] {"/bin/true", List.of(), false},
            new Object[] {"", List.of("python3", "-c", "print(1)"), false},
            new Object[] {"", List.of("run-once"), true});
    Arbitrary<Map<String, String>> env =
        Arbitraries.maps(Arbitraries.of("MODE", "LEVEL"), Arbitraries.of("full", "1")).ofMaxSize(2);
    Arbitrary<List<RunSpec.Artifact>> artifacts =
        Combinators.combine(
                Arbitraries.of("http://127.5.180.9/a.tgz", "http://127.5.180.9/b.sh"),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(RunSpec.Artifact::new)
            .list()
            .ofMaxSize(2);
    Arbitrary<List<Constraint>> constraints =
        Combinators.combine(
                Arbitraries.of("hostname", "rack"),
                Arbitraries.of("IS", "EQ", "EQUALS", "LIKE", "UNLIKE"),
                Arbitraries.of("a1", "r[0-9]"))
            .as(Constraint::new)
            .list()
            .ofMaxSize(2);
    Arbitrary<RestartPolicy> restart =
        Arbitraries.oneOf(
            Arbitraries.just(RestartPolicy.NEVER),
            Arbitraries.integers().between(1, 5).map(n -> RestartPolicy.retries(n, RETRY_DELAY)),
            Arbitraries.longs()
                .between(0, 600)
                .map(s -> RestartPolicy.onFailure(Duration.ofSeconds(s), RETRY_DELAY)));
    Arbitrary<Optional<RunSpec.DockerSpec>> docker =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.maps(Arbitraries.of("env", "label"), Arbitraries.of("A=1", "x"))
                    .ofMaxSize(2))
            .as(
                (present, pull, privileged, params) ->
                    present
                        ? Optional.of(
                            new RunSpec.DockerSpec("dcos-it/busybox:1", pull, privileged, params))
                        : Optional.<RunSpec.DockerSpec>empty());
    Arbitrary<List<RunSpec.Volume>> volumes =
        Combinators.combine(
                Arbitraries.of("/data", "conf"),
                Arbitraries.of("/srv/data", "relative"),
                Arbitraries.of(RunSpec.Volume.Mode.class))
            .as(RunSpec.Volume::new)
            .list()
            .ofMaxSize(2);
    Arbitrary<double[]> resources =
        Combinators.combine(
                Arbitraries.of(0.1, 0.5, 2.0),
                Arbitraries.of(32.0, 64.0, 1024.0),
                Arbitraries.of(0.0, 10.0))
            .as((c, m, d) -> new double[] {c, m, d});
    Arbitrary<Duration[]> limits =
        Combinators.combine(
                Arbitraries.longs().between(0, 3_600_000), Arbitraries.longs().between(1, 86_400))
            .as((ms, s) -> new Duration[] {Duration.ofMillis(ms), Duration.ofSeconds(s)});
    return Combinators.combine(
            command,
            resources,
            Arbitraries.of("", "nobody"),
            env,
            artifacts,
            docker,
            constraints,
            restart)
        .flatAs(
            (cmd, res, user, e, a, d, c, r) ->
                Combinators.combine(volumes, limits)
                    .as(
                        (v, l) -> {
                          @SuppressWarnings("unchecked")
                          List<String> args = (List<String>) cmd[1];
                          return new RunSpec(
                              (String) cmd[0],
                              args,
                              (Boolean) cmd[2],
                              res[0],
                              res[1],
                              res[2],
                              user,
                              e,
                              a,
                              d.orElse(null),
                              c,
                              r,
                              l[0],
                              d.isPresent() ? v : new ArrayList<>(),
                              l[1]);
                        }));
  }
}
