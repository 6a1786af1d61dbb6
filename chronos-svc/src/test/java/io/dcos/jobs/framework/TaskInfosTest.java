package io.dcos.jobs.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.engine.Placement;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskInfosTest {
  static RunSpec docker(List<RunSpec.Volume> volumes) {
    RunSpec r = Jobs.command("ls /data", RestartPolicy.NEVER);
    return new RunSpec(
        r.cmd(),
        r.args(),
        r.shell(),
        r.cpus(),
        r.mem(),
        r.disk(),
        r.user(),
        r.env(),
        r.artifacts(),
        new RunSpec.DockerSpec("busybox:1", false, false, Map.of()),
        r.constraints(),
        r.restart(),
        Duration.ZERO,
        volumes,
        RunSpec.DEFAULT_MAX_LAUNCH_DELAY);
  }

  static TaskInfo task(RunSpec spec) {
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    JobRun run =
        new JobRun("r1", "backup", t, RunTrigger.MANUAL, RunStatus.INITIAL, t, null, "", List.of());
    return TaskInfos.of(new Placement("t1", "o1", "a1", "host-1", run, spec), "*");
  }

  @Test
  void volumesOfADockerJobGoIntoTheTasksContainerWithTheirModes() {
    TaskInfo t =
        task(
            docker(
                List.of(
                    new RunSpec.Volume("/data", "/srv/backups", RunSpec.Volume.Mode.RW),
                    new RunSpec.Volume("/etc/conf", "conf", RunSpec.Volume.Mode.RO))));
    ContainerInfo c = t.getContainer();
    assertThat(c.getType()).isEqualTo(ContainerInfo.Type.DOCKER);
    assertThat(c.getDocker().getImage()).isEqualTo("busybox:1");
    assertThat(c.getVolumesList())
        .extracting(Volume::getContainerPath, Volume::getHostPath, Volume::getMode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/data", "/srv/backups", Volume.Mode.RW),
            org.assertj.core.groups.Tuple.tuple("/etc/conf", "conf", Volume.Mode.RO));
  }

  @Test
  void aDockerJobWithoutVolumesHasNone() {
    assertThat(task(docker(List.of())).getContainer().getVolumesCount()).isZero();
    assertThat(task(Jobs.command("true", RestartPolicy.NEVER)).hasContainer()).isFalse();
  }

  @Test
  void theTaskAsksForTheJobsCpusMemAndDiskOnly() {
    RunSpec r = Jobs.command("true", RestartPolicy.NEVER);
    RunSpec withDisk =
        new RunSpec(
            r.cmd(),
            r.args(),
            r.shell(),
            0.25,
            48,
            512,
            r.user(),
            r.env(),
            r.artifacts(),
            null,
            r.constraints(),
            r.restart(),
            Duration.ZERO,
            List.of(),
            RunSpec.DEFAULT_MAX_LAUNCH_DELAY);
    Resources asked = ResourceConverter.fromProto(task(withDisk).getResourcesList());
    assertThat(asked.scalar("cpus")).isEqualTo(0.25);
    assertThat(asked.scalar("mem")).isEqualTo(48);
    assertThat(asked.scalar("disk")).isEqualTo(512);
    // No disk asked, none in the task.
    assertThat(task(r).getResourcesList())
        .extracting(Resource::getName)
        .containsOnly("cpus", "mem");
  }
}
