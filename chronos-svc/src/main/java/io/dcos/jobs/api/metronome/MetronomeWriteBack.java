package io.dcos.jobs.api.metronome;

import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RunSpec;
import java.util.List;
import java.util.Objects;

/**
 * A Metronome job written over a stored one: keeps what the Metronome view cannot show (Chronos
 * {@code owner}, {@code ownerName}, {@code softError}, {@code maxCompletionTime}), and each field
 * shown in a lossy form keeps its stored value when it comes back as shown. Pure.
 */
final class MetronomeWriteBack {
  private MetronomeWriteBack() {}

  /**
   * {@code job} as sent, with the Chronos-only fields of {@code stored} kept, and each lossy field
   * sent back as it was shown ({@code cmd}/{@code args}, {@code restart}, constraint operators)
   * kept as stored.
   */
  static JobSpec keepUnseen(JobSpec job, JobSpec stored, MetronomeJson.Run sent) {
    MetronomeJson.Run seen = MetronomeViews.run(stored.run());
    RunSpec in = job.run();
    RunSpec old = stored.run();
    boolean sameCommand =
        Objects.equals(sent.cmd(), seen.cmd()) && Objects.equals(sent.args(), seen.args());
    MetronomeJson.Restart sentRestart =
        sent.restart() == null ? new MetronomeJson.Restart("NEVER", null) : sent.restart();
    boolean sameRestart =
        Objects.equals(
                sentRestart.policy() == null ? "NEVER" : sentRestart.policy(),
                seen.restart().policy())
            && Objects.equals(
                sentRestart.activeDeadlineSeconds(), seen.restart().activeDeadlineSeconds());
    List<MetronomeJson.Constraint> sentConstraints =
        sent.placement() == null || sent.placement().constraints() == null
            ? List.of()
            : sent.placement().constraints();
    boolean sameConstraints = sentConstraints.equals(seen.placement().constraints());
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
            in.docker(),
            sameConstraints ? old.constraints() : in.constraints(),
            sameRestart ? old.restart() : in.restart(),
            old.maxRunTime(),
            in.volumes(),
            in.maxLaunchDelay());
    return new JobSpec(
        job.id(),
        job.description(),
        job.labels(),
        job.schedules(),
        job.parents(),
        run,
        stored.softError(),
        stored.owner(),
        stored.ownerName());
  }
}
