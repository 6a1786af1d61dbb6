package io.dcos.kernel.agent.containers.process.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.model.Resources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupMountsTest {
  private static final String HYBRID =
      String.join(
          "\n",
          "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
          "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct",
          "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
          "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
          "50 23 0:40 / /mnt/with\\040space rw - ext4 /dev/sda1 rw");

  @Test
  void parsesV1ControllersAndUnifiedMount() {
    CgroupMounts mounts = CgroupMounts.parse(HYBRID);

    assertThat(mounts.v1("cpu")).contains(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
    assertThat(mounts.v1("memory")).contains(Path.of("/sys/fs/cgroup/memory"));
    assertThat(mounts.v1("pids")).isEmpty();
    assertThat(mounts.v2()).contains(Path.of("/sys/fs/cgroup/unified"));
    assertThat(mounts.mounts()).hasSize(3);
  }

  @Test
  void limitsFollowMesosRules() {
    CgroupLimits limits = CgroupLimits.from(Resources.scalars(0.5, 16), true);
    assertThat(limits.cpuShares()).isEqualTo(512);
    assertThat(limits.cfsQuotaMicros()).isEqualTo(50_000);
    assertThat(limits.memoryBytes()).isEqualTo(CgroupLimits.MIN_MEMORY_BYTES);
    assertThat(limits.cpuMax()).isEqualTo("50000 100000");

    CgroupLimits noQuota = CgroupLimits.from(Resources.scalars(2, 0), false);
    assertThat(noQuota.cfsQuotaMicros()).isNull();
    assertThat(noQuota.memoryBytes()).isNull();
    assertThat(noQuota.cpuMax()).isEqualTo("max 100000");
    assertThat(CgroupLimits.from(Resources.scalars(0.001, 0), true).cfsQuotaMicros())
        .isEqualTo(1000);
  }

  @Test
  void v1OomControlParsing() {
    assertThat(CgroupV1.oomKilled("oom_kill_disable 0\nunder_oom 0\noom_kill 0\n")).isFalse();
    assertThat(CgroupV1.oomKilled("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n")).isTrue();
    assertThat(CgroupV1.oomKilled("oom_kill_disable 1\nunder_oom 1\n")).isTrue();
  }
}
