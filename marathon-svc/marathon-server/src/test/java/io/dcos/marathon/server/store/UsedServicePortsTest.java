package io.dcos.marathon.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.placement.ServicePorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The index gives the same ports as a scan of every app, without the scan. */
class UsedServicePortsTest {
  private static final int MIN = 10000;
  private static final int MAX = 10040;

  private static AppDefinition app(String id, List<Integer> ports) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd("sleep 1")
        .portDefinitions(
            ports.stream().map(p -> new PortDefinition(p, "tcp", null, Map.of())).toList())
        .build();
  }

  @Test
  void zerosGetTheLowestFreePortsAndStoredChangesFreeTheirPorts() {
    UsedServicePorts index = new UsedServicePorts(MIN, MAX);
    index.put(app("/a", List.of(10000, 10001)));
    index.put(app("/b", List.of(10003)));

    UsedServicePorts.Allocation change = index.allocate();
    assertThat(change.assign(PathId.parse("/c"), List.of(0, 0))).contains(List.of(10002, 10004));
    assertThat(change.assign(PathId.parse("/d"), List.of(0))).contains(List.of(10005));
    // Not stored yet: the index still has 10002 free.
    assertThat(index.used(10002)).isFalse();

    index.apply(List.of(app("/c", List.of(10002, 10004))), List.of(PathId.parse("/a")));
    assertThat(index.used(10000)).isFalse();
    assertThat(index.used(10002)).isTrue();
    assertThat(index.allocate().assign(PathId.parse("/e"), List.of(0, 0, 0)))
        .contains(List.of(10000, 10001, 10005));
  }

  @Test
  void anAppsOwnPortsAreFreeForItAndTheRangeCanRunOut() {
    UsedServicePorts index = new UsedServicePorts(MIN, MIN + 2);
    index.put(app("/a", List.of(10000, 10001)));
    UsedServicePorts.Allocation change = index.allocate();
    assertThat(change.assign(PathId.parse("/a"), List.of(0, 0, 0)))
        .contains(List.of(10000, 10001, 10002));
    assertThat(change.assign(PathId.parse("/b"), List.of(0))).isEmpty();
    assertThat(change.assign(PathId.parse("/a"), List.of(0))).contains(List.of(10000));
    assertThat(change.assign(PathId.parse("/b"), List.of(0, 0))).contains(List.of(10001, 10002));
  }

  @Property(tries = 200)
  void sameAnswerAsAScanOfEveryApp(@ForAll("steps") List<Step> steps) {
    UsedServicePorts index = new UsedServicePorts(MIN, MAX);
    Map<String, List<Integer>> stored = new HashMap<>();
    Map<String, List<Integer>> pending = new HashMap<>();
    UsedServicePorts.Allocation change = index.allocate();
    for (Step s : steps) {
      if (s.store()) {
        stored.putAll(pending);
        index.apply(
            pending.entrySet().stream().map(e -> app(e.getKey(), e.getValue())).toList(),
            List.of());
        pending.clear();
        change = index.allocate();
        continue;
      }
      Map<String, List<Integer>> current = new HashMap<>(stored);
      current.putAll(pending);
      Set<Integer> others = new HashSet<>();
      current.forEach(
          (id, ports) -> {
            if (!id.equals(s.appId())) {
              others.addAll(ports);
            }
          });
      Optional<List<Integer>> expected = ServicePorts.assign(s.requested(), others, MIN, MAX);
      Optional<List<Integer>> actual = change.assign(PathId.parse(s.appId()), s.requested());
      assertThat(actual).isEqualTo(expected);
      actual.ifPresent(p -> pending.put(s.appId(), p));
    }
  }

  record Step(boolean store, String appId, List<Integer> requested) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> port =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(MIN, MAX + 3)));
    Arbitrary<Step> assign =
        net.jqwik.api.Combinators.combine(
                Arbitraries.of("/a", "/b", "/c", "/d", "/e", "/f"),
                port.list().ofMinSize(0).ofMaxSize(4))
            .as((id, ports) -> new Step(false, id, new ArrayList<>(ports)));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(true, null, List.of()))),
            net.jqwik.api.Tuple.of(6, assign))
        .list()
        .ofMaxSize(40);
  }
}
