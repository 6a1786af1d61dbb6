package io.dcos.marathon.core.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.model.KillSelection;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.UnreachableStrategy;
import io.dcos.marathon.core.placement.AgentPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstanceStateMachineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final PathId APP = PathId.parse("/prod/web");
  private static final AgentPlace AGENT =
      new AgentPlace("a1", "host-1", Map.of(), Optional.empty(), Optional.empty());

  private static Instance staged(int n, Instant at) {
    return Instance.provisioned(InstanceId.of(APP, new UUID(0, n)), T0, AGENT, List.of(31000), at);
  }

  private static TaskUpdate update(Instance i, Condition c, Boolean healthy, Instant at) {
    return new TaskUpdate(i.taskId(), c, healthy, null, null, at);
  }

  @Test
  void taskIdsRoundTrip() {
    Instance i = staged(1, T0);
    assertThat(i.taskId())
        .isEqualTo("prod_web.instance-00000000-0000-0000-0000-000000000001._app.1");
    assertThat(InstanceId.parseTaskId(i.taskId())).contains(new InstanceId.TaskRef(i.id(), 1));
    assertThat(InstanceId.parseTaskId("not-marathon")).isEmpty();
  }

  @Test
  void runningAndHealthyResetsBackoffAndFailureGrowsIt() {
    Instance i = staged(1, T0);
    Transition running = InstanceStateMachine.update(i, update(i, Condition.RUNNING, null, T0));
    assertThat(running.next().orElseThrow().startedAt()).isEqualTo(T0);
    assertThat(running.effects()).containsExactly(new InstanceEffect.BackoffReset(APP));
    Instance r = running.next().orElseThrow();
    Transition failed = InstanceStateMachine.update(r, update(r, Condition.FAILED, null, T0));
    assertThat(failed.expunged()).isTrue();
    assertThat(failed.effects()).containsExactly(new InstanceEffect.BackoffFailure(APP));
  }

  @Test
  void unhealthyTaskKilledByTheAgentIsReported() {
    Instance i = staged(1, T0);
    Instance r =
        InstanceStateMachine.update(i, update(i, Condition.RUNNING, true, T0)).next().orElseThrow();
    Transition sick = InstanceStateMachine.update(r, update(r, Condition.RUNNING, false, T0));
    Instance s = sick.next().orElseThrow();
    assertThat(sick.effects()).containsExactly(new InstanceEffect.HealthChanged(s, false));
    Transition killed = InstanceStateMachine.update(s, update(s, Condition.KILLED, null, T0));
    assertThat(killed.expunged()).isTrue();
    assertThat(killed.effects()).containsExactly(new InstanceEffect.UnhealthyKilled(s));
  }

  @Test
  void decommissionedInstancesEndWithoutBackoff() {
    Instance i = staged(1, T0);
    Instance r =
        InstanceStateMachine.update(i, update(i, Condition.RUNNING, null, T0)).next().orElseThrow();
    Transition d = InstanceStateMachine.decommission(r);
    Instance dying = d.next().orElseThrow();
    assertThat(d.effects()).containsExactly(new InstanceEffect.KillTask(dying));
    Transition gone = InstanceStateMachine.update(dying, update(dying, Condition.FAILED, null, T0));
    assertThat(gone.expunged()).isTrue();
    assertThat(gone.effects()).isEmpty();
  }

  @Test
  void olderIncarnationsAreIgnored() {
    Instance i = staged(1, T0);
    TaskUpdate other = new TaskUpdate(i.id().taskId(7), Condition.FAILED, null, null, null, T0);
    assertThat(InstanceStateMachine.update(i, other).changed()).isFalse();
  }

  @Test
  void unreachableInstancesBecomeInactiveThenAreExpunged() {
    UnreachableStrategy strategy =
        UnreachableStrategy.of(Duration.ofMinutes(1), Duration.ofMinutes(5));
    Instance i = staged(1, T0);
    Instance r =
        InstanceStateMachine.update(i, update(i, Condition.RUNNING, null, T0)).next().orElseThrow();
    Instance u =
        InstanceStateMachine.update(r, update(r, Condition.UNREACHABLE, null, T0))
            .next()
            .orElseThrow();
    assertThat(u.condition().active()).isTrue();
    assertThat(InstanceStateMachine.tick(u, strategy, T0.plusSeconds(59)).changed()).isFalse();
    Instance inactive =
        InstanceStateMachine.tick(u, strategy, T0.plusSeconds(60)).next().orElseThrow();
    assertThat(inactive.condition()).isEqualTo(Condition.UNREACHABLE_INACTIVE);
    assertThat(inactive.condition().active()).isFalse();
    Transition expunged = InstanceStateMachine.tick(inactive, strategy, T0.plusSeconds(300));
    assertThat(expunged.expunged()).isTrue();
    assertThat(expunged.effects()).containsExactly(new InstanceEffect.KillTask(inactive));
    assertThat(
            InstanceStateMachine.tick(u, UnreachableStrategy.DISABLED, T0.plusSeconds(900))
                .changed())
        .isFalse();
    Instance back =
        InstanceStateMachine.update(
                inactive, update(inactive, Condition.RUNNING, null, T0.plusSeconds(90)))
            .next()
            .orElseThrow();
    assertThat(back.condition()).isEqualTo(Condition.RUNNING);
    assertThat(back.unreachableSince()).isNull();
  }

  @Test
  void killSelectionPrefersNonRunningThenByAge() {
    Instance old =
        InstanceStateMachine.update(
                staged(1, T0), update(staged(1, T0), Condition.RUNNING, null, T0))
            .next()
            .orElseThrow();
    Instance young =
        InstanceStateMachine.update(
                staged(2, T0.plusSeconds(10)),
                update(staged(2, T0.plusSeconds(10)), Condition.RUNNING, null, T0.plusSeconds(10)))
            .next()
            .orElseThrow();
    Instance staging = staged(3, T0.plusSeconds(5));
    List<Instance> all = List.of(old, young, staging);
    assertThat(KillSelector.select(all, 2, KillSelection.YOUNGEST_FIRST))
        .containsExactly(staging, young);
    assertThat(KillSelector.select(all, 2, KillSelection.OLDEST_FIRST))
        .containsExactly(staging, old);
    assertThat(KillSelector.select(all, 0, KillSelection.OLDEST_FIRST)).isEmpty();
  }
}
