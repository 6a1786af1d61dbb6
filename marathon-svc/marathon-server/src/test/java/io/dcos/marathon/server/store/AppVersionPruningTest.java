package io.dcos.marathon.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.marathon.server.store.AppVersionPruning.AppVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppVersionPruningTest {
  private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  private static Instant t(int s) {
    return T.plusSeconds(s);
  }

  @Test
  void keepsTheNewestVersionsOfEachApp() {
    Map<String, List<Instant>> versions =
        Map.of("/a", List.of(t(3), t(1), t(5), t(2), t(4)), "/b", List.of(t(1), t(2)));
    assertThat(AppVersionPruning.overLimit(versions, 3)).containsExactly("/a");
    assertThat(AppVersionPruning.obsolete(versions, Set.of(), 3))
        .containsExactlyInAnyOrder(new AppVersion("/a", t(1)), new AppVersion("/a", t(2)));
  }

  @Test
  void keepsOlderVersionsThatAKeptRootGroupVersionNames() {
    Map<String, List<Instant>> versions = Map.of("/a", List.of(t(1), t(2), t(3)));
    assertThat(AppVersionPruning.obsolete(versions, Set.of(new AppVersion("/a", t(1))), 1))
        .containsExactly(new AppVersion("/a", t(2)));
  }
}
