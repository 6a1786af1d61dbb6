package io.dcos.marathon.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.TaskUpdate;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.UpgradeStrategy;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.placement.AgentPlace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Runs a rolling restart on a simulated app: each round the executor evaluates the action and
 * carries out its orders, then the "cluster" makes random progress (a queued instance is placed, a
 * staging one starts, a killed one ends). After every round the capacity rules must hold: enough
 * instances serve and not too many exist. The restart must finish.
 */
class RollingRestartPropertyTest {
  private static final PathId APP = PathId.parse("/web");
  private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant V2 = V1.plusSeconds(60);
  private static final double[] FRACTIONS = {0.0, 0.25, 0.5, 0.75, 1.0};

  @Property(tries = 400)
  void capacityRulesHoldAtEveryStepAndTheRestartFinishes(
      @ForAll @IntRange(min = 1, max = 12) int oldCount,
      @ForAll @IntRange(min = 0, max = 12) int newCount,
      @ForAll @IntRange(min = 0, max = 4) int minHealth,
      @ForAll @IntRange(min = 0, max = 4) int maxOver,
      @ForAll long seed) {
    UpgradeStrategy strategy = new UpgradeStrategy(FRACTIONS[minHealth], FRACTIONS[maxOver]);
    AppDefinition app =
        AppDefinition.builder(APP)
            .cmd("serve")
            .instances(newCount)
            .upgradeStrategy(strategy)
            .versionInfo(VersionInfo.initial(V2))
            .build();
    DeploymentAction action = new DeploymentAction.RestartApplication(app);
    Random random = new Random(seed);
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < oldCount; i++) {
      instances.add(running(i, V1));
    }
    int queued = 0;
    int next = 100;
    int minHealthy = strategy.minimumHealthy(newCount);
    int maxExisting = Math.max(oldCount, newCount + strategy.maximumExtra(newCount));
    boolean noRoom = minHealthy == newCount && strategy.maximumExtra(newCount) == 0;
    // Serving capacity below the floor is allowed only where it already was, or by the one kill
    // that breaks the deadlock when no extra capacity is allowed.
    int floor = Math.min(oldCount, noRoom ? minHealthy - 1 : minHealthy);
    for (int round = 0; round < 500; round++) {
      ActionOrders orders = ActionProgress.evaluate(action, instances, Instance::runningAndHealthy);
      if (orders.done()) {
        assertThat(instances).hasSize(newCount).allMatch(i -> i.appVersion().equals(V2));
        return;
      }
      for (Instance k : orders.kill()) {
        instances.set(
            instances.indexOf(k), InstanceStateMachine.decommission(k).next().orElseThrow());
      }
      queued = orders.queued();
      long serving =
          instances.stream()
              .filter(i -> i.goal() == Goal.RUNNING && i.condition() == Condition.RUNNING)
              .count();
      long existing = instances.size() + queued;
      assertThat(serving).as("serving in round %d", round).isGreaterThanOrEqualTo(floor);
      assertThat(existing).as("existing in round %d", round).isLessThanOrEqualTo(maxExisting);
      // The cluster makes one random piece of progress.
      int choice = random.nextInt(3);
      if (choice == 0 && queued > 0) {
        instances.add(Instance.provisioned(id(next++), V2, agent(), List.of(), V2));
      } else if (choice == 1) {
        instances.stream()
            .filter(i -> i.condition() == Condition.PROVISIONED)
            .findFirst()
            .ifPresent(i -> instances.set(instances.indexOf(i), start(i)));
      } else {
        instances.stream()
            .filter(i -> i.goal() == Goal.DECOMMISSIONED)
            .findFirst()
            .ifPresent(instances::remove);
      }
    }
    throw new AssertionError("restart did not finish in 500 rounds");
  }

  private static Instance running(int n, Instant version) {
    return start(Instance.provisioned(id(n), version, agent(), List.of(), V1));
  }

  private static Instance start(Instance i) {
    return InstanceStateMachine.update(
            i, new TaskUpdate(i.taskId(), Condition.RUNNING, null, null, null, V2))
        .next()
        .orElseThrow();
  }

  private static InstanceId id(int n) {
    return InstanceId.of(APP, new UUID(0, n));
  }

  private static AgentPlace agent() {
    return new AgentPlace("a", "h", Map.of(), Optional.empty(), Optional.empty());
  }
}
