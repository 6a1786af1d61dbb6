package io.dcos.kernel.master.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.Value;
import io.dcos.kernel.protocol.scheduler.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Operator weights and quota on a real master core: validation, durability across a failover, and
 * their effect on who gets offers. Agents join one at a time and frameworks keep their offers, so
 * each agent goes whole to the role with the lowest weighted share at that moment: a deterministic
 * sequence.
 */
class RoleSettingsTest {
  private static final String AGENT = "cpus:1;mem:1024";

  @Test
  void aRoleWithThreeTimesTheWeightEndsUpWithThreeTimesTheAgents() {
    try (MasterScenario s = new MasterScenario()) {
      assertApplied(
          s.master.updateWeights(
              List.of(new RoleWeight("analytics", 3.0), new RoleWeight("web", 1.0))));
      FakeLinks.Framework heavy = s.subscribeInRole("analytics", "analytics");
      FakeLinks.Framework light = s.subscribeInRole("web", "web");

      joinAgents(s, 8, heavy, light);

      // Shares (agents / weight) stay level: 6/3 == 2/1.
      assertThat(offeredCpus(heavy)).isEqualTo(6.0);
      assertThat(offeredCpus(light)).isEqualTo(2.0);
    }
  }

  @Test
  void withoutWeightsTwoRolesShareAgentsEvenly() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Framework a = s.subscribeInRole("analytics", "analytics");
      FakeLinks.Framework b = s.subscribeInRole("web", "web");

      joinAgents(s, 8, a, b);

      assertThat(offeredCpus(a)).isEqualTo(4.0);
      assertThat(offeredCpus(b)).isEqualTo(4.0);
    }
  }

  @Test
  void aQuotaGuaranteeIsOfferedToItsRoleBeforeOthersAreServed() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Framework web = s.subscribeInRole("web", "web");
      FakeLinks.Framework batch = s.subscribeInRole("batch", "batch");
      // The cluster is empty, so the guarantee only goes in with force.
      assertApplied(s.master.setQuota(quota("batch", List.of(cpus(3)), List.of(), true)));

      for (int i = 1; i <= 3; i++) {
        joinAgents(s, 1, web, batch);
        assertThat(offeredCpus(batch)).as("agent %d", i).isEqualTo(i);
        assertThat(offeredCpus(web)).as("agent %d", i).isZero();
      }
      // With its guarantee met, batch competes by share like any role: the next agent is web's.
      joinAgents(s, 1, web, batch);
      assertThat(offeredCpus(web)).isEqualTo(1.0);
      assertThat(offeredCpus(batch)).isEqualTo(3.0);
    }
  }

  @Test
  void aNewLeaderKeepsWeightsAndQuotaAndAllocatesByThem() {
    try (MasterScenario s = new MasterScenario()) {
      assertApplied(
          s.master.updateWeights(
              List.of(new RoleWeight("analytics", 3.0), new RoleWeight("eng/web", 1.5))));
      assertApplied(s.master.setQuota(quota("batch", List.of(cpus(2)), List.of(cpus(4)), true)));

      s.failover();

      assertThat(s.master.query(v -> Map.copyOf(v.weights()), Map.of()))
          .containsExactlyInAnyOrderEntriesOf(Map.of("analytics", 3.0, "eng/web", 1.5));
      assertThat(s.master.query(v -> Map.copyOf(v.quotas()), Map.of()))
          .containsExactly(
              Map.entry(
                  "batch",
                  new Quota(
                      Resources.builder().scalar("cpus", 2).build(),
                      Resources.builder().scalar("cpus", 4).build())));

      FakeLinks.Framework heavy = s.subscribeInRole("analytics", "analytics");
      FakeLinks.Framework light = s.subscribeInRole("web", "web");
      FakeLinks.Framework batch = s.subscribeInRole("batch", "batch");
      // The guarantee is served first...
      joinAgents(s, 2, heavy, light, batch);
      assertThat(offeredCpus(batch)).isEqualTo(2.0);
      // ...then shares per weight even out: batch 2/1, analytics 6/3, web 2/1.
      joinAgents(s, 8, heavy, light, batch);
      assertThat(offeredCpus(batch)).isEqualTo(2.0);
      assertThat(offeredCpus(heavy)).isEqualTo(6.0);
      assertThat(offeredCpus(light)).isEqualTo(2.0);

      // The quota recovered from the registry can be removed again, durably.
      assertApplied(s.master.removeQuota("batch"));
      assertThat(s.registrar.quota("batch")).isNull();
      assertThat(s.master.query(v -> Map.copyOf(v.quotas()), Map.of())).isEmpty();
    }
  }

  @Test
  void badWeightsAreRefusedAllOrNothing() {
    try (MasterScenario s = new MasterScenario()) {
      assertInvalid(
          s.master.updateWeights(List.of(new RoleWeight("ok", 2), new RoleWeight("bad role", 2))),
          "role 'bad role'");
      assertInvalid(s.master.updateWeights(List.of(new RoleWeight("", 2))), "must not be empty");
      assertInvalid(
          s.master.updateWeights(List.of(new RoleWeight("web", 0))),
          "weight of role 'web' must be a positive number, got 0.0");
      assertInvalid(s.master.updateWeights(List.of(new RoleWeight("web", -1))), "positive");
      assertInvalid(s.master.updateWeights(List.of(new RoleWeight("web", Double.NaN))), "NaN");
      assertInvalid(
          s.master.updateWeights(List.of(new RoleWeight("web", Double.POSITIVE_INFINITY))),
          "positive");

      assertThat(s.master.query(v -> Map.copyOf(v.weights()), Map.of())).isEmpty();
    }
  }

  @Test
  void quotaRequestsAreValidatedAndCheckedAgainstTheCluster() {
    try (MasterScenario s = new MasterScenario()) {
      s.registerAgent("cpus:4;mem:4096;ports:[31000-31010]", null, List.of());

      assertInvalid(s.master.setQuota(quota("*", List.of(cpus(1)), List.of(), false)), "'*'");
      assertInvalid(s.master.setQuota(quota("a//b", List.of(cpus(1)), List.of(), false)), "role");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(), List.of(), false)), "guarantee or a limit");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(cpus(-1)), List.of(), false)),
          "guarantee of cpus must be a non-negative number");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(ports()), List.of(), false)), "scalars only");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(reservedCpus()), List.of(), false)),
          "must not be reserved");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(cpus(1), cpus(1)), List.of(), false)),
          "more than once");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(cpus(2)), List.of(cpus(1)), false)),
          "limit of cpus (1.0) is below its guarantee (2.0)");
      assertInvalid(
          s.master.setQuota(quota("batch", List.of(), List.of(cpus(0)), false)),
          "greater than zero");

      assertInvalid(
          s.master.setQuota(quota("batch", List.of(cpus(5)), List.of(), false)),
          "quota guarantees would total cpus:5.0 but the cluster has cpus:4.0;"
              + " use force to set the quota anyway");
      assertThat(s.registrar.quota("batch")).isNull();

      assertApplied(s.master.setQuota(quota("batch", List.of(cpus(3)), List.of(), false)));
      // Guarantees add up across roles...
      assertInvalid(s.master.setQuota(quota("web", List.of(cpus(2)), List.of(), false)), "force");
      // ...but a role's new guarantee replaces its old one, and a nested role's is part of its
      // parent's.
      assertApplied(s.master.setQuota(quota("batch", List.of(cpus(4)), List.of(), false)));
      assertApplied(s.master.setQuota(quota("batch/nightly", List.of(cpus(1)), List.of(), false)));
      assertApplied(s.master.setQuota(quota("web", List.of(cpus(2)), List.of(), true)));
      assertThat(s.registrar.quota("web")).isNotNull();

      assertThat(s.master.removeQuota("nobody").join())
          .isEqualTo(
              new RoleSettingOutcome(
                  RoleSettingOutcome.Kind.NOT_FOUND, "role 'nobody' has no quota"));
      assertApplied(s.master.removeQuota("web"));
      assertThat(s.master.removeQuota("web").join().kind())
          .isEqualTo(RoleSettingOutcome.Kind.NOT_FOUND);
      assertThat(s.master.query(v -> v.quotas().keySet().stream().sorted().toList(), List.of()))
          .containsExactly("batch", "batch/nightly");
    }
  }

  // ---- helpers ----

  /** Registers agents one by one, each time waiting until it has been offered to someone. */
  private static void joinAgents(MasterScenario s, int count, FakeLinks.Framework... frameworks) {
    for (int i = 0; i < count; i++) {
      double before = offeredCpus(frameworks);
      s.registerAgent(AGENT, null, List.of());
      await().atMost(MasterScenario.WAIT).until(() -> offeredCpus(frameworks) == before + 1);
    }
  }

  private static double offeredCpus(FakeLinks.Framework... frameworks) {
    double total = 0;
    for (FakeLinks.Framework f : frameworks) {
      total +=
          f.received.stream()
              .filter(e -> e.getType() == Event.Type.OFFERS)
              .flatMap(e -> e.getOffers().getOffersList().stream())
              .flatMap(o -> o.getResourcesList().stream())
              .filter(r -> r.getName().equals("cpus"))
              .mapToDouble(r -> r.getScalar().getValue())
              .sum();
    }
    return total;
  }

  private static QuotaRequest quota(
      String role, List<Resource> guarantee, List<Resource> limit, boolean force) {
    return new QuotaRequest(role, guarantee, limit, force);
  }

  private static Resource cpus(double value) {
    return Resource.newBuilder()
        .setName("cpus")
        .setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value))
        .build();
  }

  private static Resource reservedCpus() {
    return cpus(1).toBuilder()
        .addReservations(Resource.ReservationInfo.newBuilder().setRole("batch"))
        .build();
  }

  private static Resource ports() {
    return Resource.newBuilder()
        .setName("ports")
        .setType(Value.Type.RANGES)
        .setRanges(
            Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(1).setEnd(2)))
        .build();
  }

  private static RoleSettingOutcome outcome(CompletableFuture<RoleSettingOutcome> change) {
    return change.orTimeout(MasterScenario.WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  private static void assertApplied(CompletableFuture<RoleSettingOutcome> change) {
    assertThat(outcome(change)).isEqualTo(RoleSettingOutcome.APPLIED_OUTCOME);
  }

  private static void assertInvalid(CompletableFuture<RoleSettingOutcome> change, String message) {
    RoleSettingOutcome o = outcome(change);
    assertThat(o.kind()).as(o.message()).isEqualTo(RoleSettingOutcome.Kind.INVALID);
    assertThat(o.message()).contains(message);
  }
}
