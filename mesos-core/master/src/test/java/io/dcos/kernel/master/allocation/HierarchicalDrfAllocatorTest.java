package io.dcos.kernel.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HierarchicalDrfAllocatorTest {
  private static final String NODE = "cpus:8;mem:32768;disk:100000;ports:[31000-32000]";

  @Test
  void equalFrameworksInOneRoleShareAgentsEvenlyPassAfterPass() {
    AllocatorHarness h = new AllocatorHarness().framework("a", "web").framework("b", "web");
    for (int pass = 0; pass < 5; pass++) {
      h.agent("n" + pass + "x", NODE).agent("n" + pass + "y", NODE);
      List<Allocation> offers = h.allocate();
      assertThat(offers).hasSize(2);
      assertThat(h.agentsHeldBy("a")).isEqualTo(pass + 1);
      assertThat(h.agentsHeldBy("b")).isEqualTo(pass + 1);
    }
  }

  @Test
  void eachAgentIsOfferedWholeToOneFramework() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "web");
    List<Allocation> offers = h.allocate();
    assertThat(offers).containsExactly(new Allocation("a", "web", "n1", ResourceText.parse(NODE)));
    assertThat(h.allocate()).isEmpty();
  }

  @Test
  void weightsSplitTheClusterInProportion() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(8, "n", NODE)
            .weight("heavy", 3)
            .framework("h", "heavy")
            .framework("l", "light");
    h.allocate();
    assertThat(h.agentsHeldBy("h")).isEqualTo(6);
    assertThat(h.agentsHeldBy("l")).isEqualTo(2);
  }

  @Test
  void subRolesCompeteAsTheirParentAgainstOtherRoles() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(4, "n", NODE)
            .framework("x", "eng/x")
            .framework("y", "eng/y")
            .framework("o", "ops");
    h.allocate();
    assertThat(h.agentsHeldBy("o")).isEqualTo(2);
    assertThat(h.agentsHeldBy("x")).isEqualTo(1);
    assertThat(h.agentsHeldBy("y")).isEqualTo(1);
  }

  @Test
  void frameworkWithTwoRolesIsOfferedPerRole() {
    AllocatorHarness h = new AllocatorHarness().agents(2, "n", NODE).framework("multi", "r1", "r2");
    List<Allocation> offers = h.allocate();
    assertThat(offers).extracting(Allocation::role).containsExactlyInAnyOrder("r1", "r2");
  }

  @Test
  void quotaGuaranteeIsServedBeforeFairShares() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(4, "n", NODE)
            .quota("q", "cpus:24", "")
            .framework("quota", "q")
            .framework("other", "free");
    h.allocate();
    assertThat(h.heldBy("quota", null).scalar("cpus")).isEqualTo(24);
    assertThat(h.agentsHeldBy("other")).isEqualTo(1);
  }

  @Test
  void quotaGuaranteeIsSetAsideEvenBeforeItsRoleHasFrameworks() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(4, "n", NODE)
            .quota("q", "cpus:24", "")
            .framework("other", "free");
    h.allocate();
    assertThat(h.heldBy("other", null).scalar("cpus")).isEqualTo(8);
    h.framework("late", "q");
    h.allocate();
    assertThat(h.heldBy("late", null).scalar("cpus")).isEqualTo(24);
  }

  @Test
  void quotaLimitCapsTheRoleAndLeavesTheRestToOthers() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(3, "n", NODE)
            .quota("capped", "", "cpus:10")
            .framework("c", "capped");
    h.allocate();
    assertThat(h.heldBy("c", null).scalar("cpus")).isEqualTo(10);
    assertThat(h.allocate()).isEmpty();
    h.framework("o", "open");
    h.allocate();
    assertThat(h.heldBy("o", null).scalar("cpus")).isEqualTo(14);
  }

  @Test
  void quotaLimitOfAParentCapsItsSubRoles() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agents(4, "n", NODE)
            .quota("team", "", "cpus:16")
            .framework("a", "team/a")
            .framework("b", "team/b");
    h.allocate();
    assertThat(h.heldBySubtree("team").scalar("cpus")).isEqualTo(16);
  }

  @Test
  void reservedResourcesGoOnlyToTheirRoleAndItsSubRoles() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agent("n1", "cpus(db):4;mem(db):4096;cpus:4;mem:4096")
            .framework("web", "web");
    List<Allocation> offers = h.allocate();
    assertThat(offers).hasSize(1);
    assertThat(offers.get(0).resources()).isEqualTo(ResourceText.parse("cpus:4;mem:4096"));

    h.framework("replica", "db/replica");
    offers = h.allocate();
    assertThat(offers)
        .containsExactly(
            new Allocation(
                "replica", "db/replica", "n1", ResourceText.parse("cpus(db):4;mem(db):4096")));
  }

  @Test
  void reservedAndUnreservedResourcesGoTogetherToTheReservationRole() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agent("n1", "cpus(db):4;mem(db):4096;cpus:4;mem:4096")
            .framework("db", "db");
    List<Allocation> offers = h.allocate();
    assertThat(offers).hasSize(1);
    assertThat(offers.get(0).resources())
        .isEqualTo(ResourceText.parse("cpus(db):4;mem(db):4096;cpus:4;mem:4096"));
  }

  @Test
  void declinedResourcesAreWithheldUntilTheFilterExpires() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "web");
    Allocation offer = h.allocate().get(0);
    h.decline(offer, Duration.ofSeconds(5));
    assertThat(h.allocator.nextFilterExpiry()).contains(h.now.plusSeconds(5));
    assertThat(h.allocate()).isEmpty();
    h.advance(Duration.ofMillis(4999));
    assertThat(h.allocate()).isEmpty();
    h.advance(Duration.ofMillis(1));
    assertThat(h.allocate()).containsExactly(offer);
    assertThat(h.allocator.nextFilterExpiry()).isEmpty();
  }

  @Test
  void filterWithholdsOnlyFromTheDecliningFramework() {
    AllocatorHarness h =
        new AllocatorHarness().agent("n1", NODE).framework("a", "web").framework("b", "web");
    Allocation offer = h.allocate().get(0);
    h.decline(offer, Duration.ofSeconds(5));
    List<Allocation> next = h.allocate();
    assertThat(next).hasSize(1);
    assertThat(next.get(0).frameworkId()).isNotEqualTo(offer.frameworkId());
  }

  @Test
  void filterDoesNotWithholdMoreThanWasRefused() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "web");
    Allocation offer = h.allocate().get(0);
    Resources half = ResourceText.parse("cpus:4;mem:16384");
    h.recover("a", "n1", half, Duration.ofSeconds(30));
    assertThat(h.allocate()).isEmpty();
    h.recover("a", "n1", ResourceText.parse("cpus:1"), Duration.ZERO);
    List<Allocation> next = h.allocate();
    assertThat(next).hasSize(1);
    assertThat(next.get(0).resources()).isEqualTo(ResourceText.parse("cpus:5;mem:16384"));
    assertThat(offer.resources().contains(next.get(0).resources())).isTrue();
  }

  @Test
  void reviveClearsFilters() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "web");
    h.decline(h.allocate().get(0), Duration.ofHours(1));
    assertThat(h.allocate()).isEmpty();
    h.revive("a", Set.of());
    assertThat(h.allocate()).hasSize(1);
    assertThat(h.allocator.nextFilterExpiry()).isEmpty();
  }

  @Test
  void suppressedRolesGetNothingUntilRevived() {
    AllocatorHarness h = new AllocatorHarness().agents(2, "n", NODE).framework("a", "r1", "r2");
    h.suppress("a", Set.of("r1"));
    List<Allocation> offers = h.allocate();
    assertThat(offers).extracting(Allocation::role).containsOnly("r2");
    h.recoverEverything("a");
    h.suppress("a", Set.of());
    assertThat(h.allocate()).isEmpty();
    h.revive("a", Set.of("r1"));
    assertThat(h.allocate()).extracting(Allocation::role).containsOnly("r1");
  }

  @Test
  void gpuAgentsGoOnlyToGpuAwareFrameworks() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agent("gpu", "cpus:8;mem:32768;gpus:2")
            .agent("plain", NODE)
            .framework("cpuOnly", "r");
    List<Allocation> offers = h.allocate();
    assertThat(offers).extracting(Allocation::agentId).containsExactly("plain");
    h.framework("ml", true, "r");
    offers = h.allocate();
    assertThat(offers).extracting(Allocation::agentId).containsExactly("gpu");
    assertThat(offers).extracting(Allocation::frameworkId).containsExactly("ml");
  }

  @Test
  void gpuAwareFrameworksAlsoGetAgentsWithoutGpus() {
    AllocatorHarness h = new AllocatorHarness().agent("plain", NODE).framework("ml", true, "r");
    assertThat(h.allocate()).extracting(Allocation::frameworkId).containsExactly("ml");
  }

  @Test
  void resourcesBelowTheMinimumAreNotOffered() {
    AllocatorHarness h =
        new AllocatorHarness()
            .agent("tiny", "cpus:0.009;mem:31;disk:100000;ports:[1-100]")
            .agent("cpusOnly", "cpus:0.01")
            .agent("memOnly", "mem:32")
            .framework("a", "r");
    assertThat(h.allocate())
        .extracting(Allocation::agentId)
        .containsExactlyInAnyOrder("cpusOnly", "memOnly");
  }

  @Test
  void inactiveAgentsAndFrameworksGetNothingUntilActivated() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "r");
    h.setAgentActive("n1", false);
    assertThat(h.allocate()).isEmpty();
    h.setAgentActive("n1", true);
    h.setFrameworkActive("a", false);
    assertThat(h.allocate()).isEmpty();
    h.setFrameworkActive("a", true);
    assertThat(h.allocate()).hasSize(1);
  }

  @Test
  void recoveredResourcesAreOfferedAgain() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "r");
    h.allocate();
    Resources back = ResourceText.parse("cpus:2;mem:1024;ports:[31000-31009]");
    h.recover("a", "n1", back, Duration.ZERO);
    assertThat(h.allocate()).containsExactly(new Allocation("a", "r", "n1", back));
  }

  @Test
  void removedFrameworkFreesWhatItHeld() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", NODE).framework("a", "r");
    h.allocate();
    h.removeFramework("a");
    h.framework("b", "r");
    assertThat(h.allocate()).extracting(Allocation::frameworkId).containsExactly("b");
  }

  @Test
  void resourcesUsedOnAgentsAreNeitherOfferedNorCountedTwice() {
    HierarchicalDrfAllocator allocator = new HierarchicalDrfAllocator();
    Resources total = ResourceText.parse("cpus:8;mem:8192");
    Resources used = ResourceText.parse("cpus:6;mem:6144");
    AgentProfile profile = new AgentProfile("n1", Map.of(), "", "");
    allocator.addAgent("n1", profile, total, Map.of("old", used));
    allocator.addFramework(
        "old", new FrameworkProfile(Set.of("r"), Set.of(), false), Map.of("n1", used));
    List<Allocation> offers = allocator.allocate(AllocatorHarness.START);
    assertThat(offers)
        .containsExactly(new Allocation("old", "r", "n1", ResourceText.parse("cpus:2;mem:2048")));
    allocator.recoverResources("old", "n1", used, Duration.ZERO, AllocatorHarness.START);
    assertThat(allocator.allocate(AllocatorHarness.START))
        .containsExactly(new Allocation("old", "r", "n1", used));
  }

  @Test
  void usedResourcesCountTowardsTheFrameworksShare() {
    HierarchicalDrfAllocator allocator = new HierarchicalDrfAllocator();
    AgentProfile profile = new AgentProfile("n", Map.of(), "", "");
    Resources node = ResourceText.parse(NODE);
    allocator.addAgent("busy", profile, node, Map.of());
    allocator.addFramework("busy", new FrameworkProfile(Set.of("r"), Set.of(), false), Map.of());
    allocator.addUsed("busy", "busy", node);
    allocator.addFramework("idle", new FrameworkProfile(Set.of("r"), Set.of(), false), Map.of());
    allocator.addAgent("n2", profile, node, Map.of());
    assertThat(allocator.allocate(AllocatorHarness.START))
        .extracting(Allocation::frameworkId)
        .containsExactly("idle");
  }

  @Test
  void removedAgentIsNoLongerOffered() {
    AllocatorHarness h = new AllocatorHarness().agents(2, "n", NODE).framework("a", "r");
    h.removeAgent("n000");
    assertThat(h.allocate()).extracting(Allocation::agentId).containsExactly("n001");
  }

  @Test
  void updatedAgentTotalIsOffered() {
    AllocatorHarness h = new AllocatorHarness().agent("n1", "cpus:4;mem:4096").framework("a", "r");
    h.allocate();
    Resources bigger = ResourceText.parse("cpus:8;mem:8192");
    h.allocator.updateAgent("n1", bigger);
    h.agentTotals.put("n1", bigger);
    assertThat(h.allocate())
        .containsExactly(new Allocation("a", "r", "n1", ResourceText.parse("cpus:4;mem:4096")));
  }
}
