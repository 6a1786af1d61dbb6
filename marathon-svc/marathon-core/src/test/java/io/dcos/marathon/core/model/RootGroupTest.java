package io.dcos.marathon.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RootGroupTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);

  private static AppDefinition app(String id, String... deps) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd("x")
        .dependencies(Set.of(List.of(deps).stream().map(PathId::parse).toArray(PathId[]::new)))
        .versionInfo(VersionInfo.initial(T0))
        .build();
  }

  @Test
  void putCreatesMissingGroupsAndFindFindsAppsAndGroups() {
    RootGroup root = RootGroup.empty(T0).putApp(app("/a/b/web"), T1);
    assertThat(root.group(PathId.parse("/a/b"))).isPresent();
    assertThat(root.app(PathId.parse("/a/b/web"))).isPresent();
    assertThat(root.app(PathId.parse("/a/web"))).isEmpty();
    assertThat(root.group(PathId.parse("/a")).orElseThrow().version()).isEqualTo(T1);
    assertThat(root.apps()).extracting(AppDefinition::id).containsExactly(PathId.parse("/a/b/web"));
  }

  @Test
  void removeAppAndGroupLeaveTheRestAndOriginalUnchanged() {
    RootGroup root =
        RootGroup.empty(T0)
            .putApp(app("/a/one"), T0)
            .putApp(app("/a/two"), T0)
            .putApp(app("/b/x"), T0);
    RootGroup fewer = root.removeApp(PathId.parse("/a/one"), T1);
    assertThat(fewer.apps()).hasSize(2);
    assertThat(root.apps()).hasSize(3);
    RootGroup noA = root.removeGroup(PathId.parse("/a"), T1);
    assertThat(noA.apps()).extracting(a -> a.id().toString()).containsExactly("/b/x");
    assertThat(root.removeApp(PathId.parse("/nope"), T1)).isEqualTo(root);
  }

  @Test
  void groupsOnlyHoldDirectChildren() {
    assertThatThrownBy(
            () ->
                new Group(
                    PathId.parse("/a"),
                    java.util.Map.of(PathId.parse("/a/b/c"), app("/a/b/c")),
                    null,
                    null,
                    false,
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dependenciesThroughAppsAndGroupsAreTransitive() {
    RootGroup root =
        RootGroup.empty(T0)
            .putApp(app("/db/pg"), T0)
            .putApp(app("/db/cache"), T0)
            .putApp(app("/svc/api", "/db"), T0)
            .putApp(app("/web/front", "/svc/api"), T0);
    assertThat(root.directDependencies(PathId.parse("/svc/api")))
        .containsExactly(PathId.parse("/db/cache"), PathId.parse("/db/pg"));
    assertThat(root.transitiveDependencies(PathId.parse("/web/front")))
        .containsExactlyInAnyOrder(
            PathId.parse("/svc/api"), PathId.parse("/db/pg"), PathId.parse("/db/cache"));
    assertThat(root.dependencyCycle()).isEmpty();
    List<List<AppDefinition>> levels = root.dependencyLevels();
    assertThat(levels).hasSize(3);
    assertThat(levels.get(0))
        .extracting(a -> a.id().toString())
        .containsExactly("/db/cache", "/db/pg");
    assertThat(levels.get(2)).extracting(a -> a.id().toString()).containsExactly("/web/front");
  }

  @Test
  void groupDependenciesApplyToEveryAppInTheGroup() {
    RootGroup root = RootGroup.empty(T0).putApp(app("/db/pg"), T0).putApp(app("/svc/api"), T0);
    Group svc = root.group(PathId.parse("/svc")).orElseThrow();
    root =
        root.putGroup(
            new Group(svc.id(), svc.apps(), svc.groups(), Set.of(PathId.parse("/db")), false, T1),
            T1);
    assertThat(root.directDependencies(PathId.parse("/svc/api")))
        .containsExactly(PathId.parse("/db/pg"));
  }

  @Test
  void cyclesAreFoundWithTheirPath() {
    RootGroup root =
        RootGroup.empty(T0)
            .putApp(app("/a", "/b"), T0)
            .putApp(app("/b", "/c"), T0)
            .putApp(app("/c", "/a"), T0)
            .putApp(app("/d"), T0);
    List<PathId> cycle = root.dependencyCycle().orElseThrow();
    assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
    assertThat(cycle)
        .hasSize(4)
        .contains(PathId.parse("/a"), PathId.parse("/b"), PathId.parse("/c"));
    assertThatThrownBy(root::dependencyLevels).isInstanceOf(IllegalStateException.class);
  }
}
