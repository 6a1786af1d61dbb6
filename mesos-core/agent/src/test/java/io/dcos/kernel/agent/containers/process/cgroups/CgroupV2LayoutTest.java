package io.dcos.kernel.agent.containers.process.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.model.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroups v2 against a plain directory laid out like a unified hierarchy. */
class CgroupV2LayoutTest {
  @TempDir Path mount;

  @Test
  void createsContainerCgroupWithLimitsAndDelegatesControllers() throws Exception {
    Files.writeString(mount.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    CgroupV2 cgroups = new CgroupV2(mount, "mesos");

    ContainerCgroup cgroup =
        cgroups.create("c1", CgroupLimits.from(Resources.scalars(1.5, 64), true));

    Path dir = mount.resolve("mesos/c1");
    assertThat(Files.readString(mount.resolve("cgroup.subtree_control"))).isEqualTo("+cpu +memory");
    assertThat(Files.readString(mount.resolve("mesos/cgroup.subtree_control")))
        .isEqualTo("+cpu +memory");
    assertThat(Files.readString(dir.resolve("cpu.max"))).isEqualTo("150000 100000");
    assertThat(Files.readString(dir.resolve("cpu.weight"))).isEqualTo("59");
    assertThat(Files.readString(dir.resolve("memory.max"))).isEqualTo(Long.toString(64L << 20));
    assertThat(cgroup.procsFiles()).containsExactly(dir.resolve("cgroup.procs"));
    assertThat(cgroup.version()).isEqualTo("v2");
  }

  @Test
  void listsPidsDetectsOomKillAndCleansUp() throws Exception {
    CgroupV2 cgroups = new CgroupV2(mount, "mesos");
    ContainerCgroup cgroup = cgroups.create("c2", CgroupLimits.NONE);
    Path dir = mount.resolve("mesos/c2");
    Files.writeString(dir.resolve("cgroup.procs"), "12\n345\n");
    Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 0\n");

    assertThat(cgroups.open("c2").pids()).containsExactlyInAnyOrder(12L, 345L);
    assertThat(cgroup.oomKilled()).isFalse();

    Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 9\noom 2\noom_kill 1\n");
    assertThat(cgroup.oomKilled()).isTrue();

    cgroup.destroy();
    assertThat(dir).doesNotExist();
    cgroup.destroy();
    assertThat(cgroup.pids()).isEmpty();
  }

  @Test
  void leavesEnabledControllersAlone() throws Exception {
    Files.createDirectories(mount.resolve("mesos"));
    Files.writeString(mount.resolve("cgroup.subtree_control"), "cpu io memory\n");
    new CgroupV2(mount, "mesos").create("c3", CgroupLimits.NONE);

    assertThat(Files.readString(mount.resolve("cgroup.subtree_control")))
        .isEqualTo("cpu io memory\n");
    assertThat(mount.resolve("mesos/c3/cpu.max")).doesNotExist();
  }

  @Test
  void detectorPicksV2OnPureUnifiedHierarchy() throws Exception {
    Files.writeString(mount.resolve("cgroup.controllers"), "cpu memory pids\n");
    CgroupMounts mounts =
        CgroupMounts.parse(
            "30 23 0:26 / " + mount + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");

    Cgroups detected = CgroupsDetector.detect(mounts, "mesos");

    assertThat(detected.version()).isEqualTo("v2");
    assertThat(mount.resolve("mesos")).isDirectory();
  }

  @Test
  void detectorFallsBackToNoneWithoutCpuAndMemory() throws Exception {
    Files.writeString(mount.resolve("cgroup.controllers"), "hugetlb\n");
    CgroupMounts mounts =
        CgroupMounts.parse("41 31 0:38 / " + mount + " rw,relatime - cgroup2 cgroup2 rw\n");

    assertThat(CgroupsDetector.detect(mounts, "mesos").version()).isEqualTo("none");
  }
}
