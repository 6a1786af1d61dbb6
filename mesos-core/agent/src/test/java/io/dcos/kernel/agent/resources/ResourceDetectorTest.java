package io.dcos.kernel.agent.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcos.kernel.model.ResourceKey;
import io.dcos.kernel.model.Resources;
import org.junit.jupiter.api.Test;

class ResourceDetectorTest {
  private static final ResourceDetector.MachineFacts MACHINE =
      new ResourceDetector.MachineFacts(8, 32_768, 100_000);

  @Test
  void detectsWhatIsNotGivenAndLeavesRoomForTheSystem() {
    Resources r = ResourceDetector.detect("", MACHINE);
    assertThat(r.scalar("cpus")).isEqualTo(8.0);
    assertThat(r.scalar("mem")).isEqualTo(32_768 - 1024);
    assertThat(r.scalar("disk")).isEqualTo(100_000 - 5 * 1024);
    assertThat(r.ranges("ports").toString()).isEqualTo("[31000-32000]");
  }

  @Test
  void givenEntriesWinAndReservationsAreKept() {
    Resources r = ResourceDetector.detect("cpus:2;cpus(db):1;ports:[8000-8010];gpus:1", MACHINE);
    assertThat(r.scalar(new ResourceKey("cpus", null))).isEqualTo(2.0);
    assertThat(r.scalar(new ResourceKey("cpus", "db"))).isEqualTo(1.0);
    assertThat(r.ranges("ports").toString()).isEqualTo("[8000-8010]");
    assertThat(r.scalar("gpus")).isEqualTo(1.0);
    assertThat(r.scalar("mem")).isEqualTo(32_768 - 1024);
  }

  @Test
  void smallMachinesKeepHalfTheirMemoryForTheSystem() {
    Resources r = ResourceDetector.detect("", new ResourceDetector.MachineFacts(1, 1024, 2048));
    assertThat(r.scalar("mem")).isEqualTo(512.0);
    assertThat(r.scalar("disk")).isEqualTo(1024.0);
    assertThatThrownBy(() -> ResourceDetector.detect("cpus:x", MACHINE))
        .hasMessageContaining("cpus:x");
  }
}
