package io.dcos.jobs.api.chronos;

import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Chronos job written over a stored one: keeps what the Chronos view cannot show (labels, further
 * schedules and schedule ids, {@code maxLaunchDelay}, {@code privileged}), and each field shown in
 * a lossy form (command and arguments, {@code retries}, constraint operators, the first schedule)
 * keeps its stored value when it comes back as it was shown ({@code seen}). Pure.
 */
final class ChronosWriteBack {
  private ChronosWriteBack() {}

  /**
   * {@code job} as sent, with what the Chronos view of {@code stored} cannot show kept from {@code
   * stored}, and each lossy field that was sent back as it was shown kept as stored.
   */
  static JobSpec keepUnseen(
      JobSpec job, JobSpec stored, ChronosJson.Job sent, ChronosJson.Job seen, boolean dependent) {
    RunSpec in = job.run();
    RunSpec old = stored.run();
    boolean sameCommand =
        Objects.equals(orEmpty(sent.command()), orEmpty(seen.command()))
            && !Boolean.FALSE.equals(sent.shell()) == !Boolean.FALSE.equals(seen.shell())
            && Objects.equals(orNone(sent.arguments()), orNone(seen.arguments()));
    boolean sameRetries = (sent.retries() == null ? 2 : sent.retries()) == seen.retries();
    boolean sameConstraints = Objects.equals(orNone(sent.constraints()), seen.constraints());
    RunSpec.DockerSpec docker = in.docker();
    if (docker != null && old.docker() != null) {
      docker =
          new RunSpec.DockerSpec(
              docker.image(),
              docker.forcePullImage(),
              old.docker().privileged(),
              docker.parameters());
    }
    RunSpec run =
        new RunSpec(
            sameCommand ? old.cmd() : in.cmd(),
            sameCommand ? old.args() : in.args(),
            sameCommand ? old.shell() : in.shell(),
            in.cpus(),
            in.mem(),
            in.disk(),
            in.user(),
            in.env(),
            in.artifacts(),
            docker,
            sameConstraints ? old.constraints() : in.constraints(),
            sameRetries ? old.restart() : in.restart(),
            in.maxRunTime(),
            in.volumes(),
            old.maxLaunchDelay());
    List<ScheduleSpec> schedules = new ArrayList<>();
    if (!dependent) {
      ScheduleSpec first = job.schedules().get(0);
      if (!stored.schedules().isEmpty()) {
        ScheduleSpec before = stored.schedules().get(0);
        schedules.add(sameSchedule(first, before) ? before : withId(first, before.id()));
        schedules.addAll(stored.schedules().subList(1, stored.schedules().size()));
      } else {
        schedules.add(first);
      }
    }
    return new JobSpec(
        job.id(),
        job.description(),
        stored.labels(),
        schedules,
        job.parents(),
        run,
        job.softError(),
        job.owner(),
        job.ownerName());
  }

  private static boolean sameSchedule(ScheduleSpec a, ScheduleSpec b) {
    return a.kind() == b.kind()
        && a.expression().equals(b.expression())
        && a.timezone().equals(b.timezone())
        && a.startingDeadline().equals(b.startingDeadline())
        && a.concurrencyPolicy() == b.concurrencyPolicy()
        && a.enabled() == b.enabled();
  }

  private static ScheduleSpec withId(ScheduleSpec s, String id) {
    return new ScheduleSpec(
        id,
        s.kind(),
        s.expression(),
        s.timezone(),
        s.startingDeadline(),
        s.concurrencyPolicy(),
        s.enabled());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> orNone(List<T> list) {
    return list == null ? List.of() : list;
  }
}
