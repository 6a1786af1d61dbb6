package io.dcos.marathon.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.server.config.StoreProperties;
import io.dcos.marathon.server.store.TaskFailureRepository.TaskFailure;
import io.dcos.marathon.server.support.TestInfra;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The tree store on a real PostgreSQL migrated by Flyway. */
class GroupRepositoryIT {
  private static final Instant T0 = Instant.parse("2026-02-01T12:00:00.001Z");

  HikariDataSource ds;
  TransactionTemplate tx;
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() throws Exception {
    ds = new HikariDataSource();
    ds.setJdbcUrl(TestInfra.newDatabase());
    ds.setUsername("postgres");
    ds.setPassword("postgres");
    Flyway.configure().dataSource(ds).load().migrate();
    jdbc = new JdbcTemplate(ds);
    tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
  }

  @AfterEach
  void tearDown() {
    ds.close();
  }

  private GroupRepository repository(int maxVersions) {
    return new GroupRepository(
        jdbc,
        tx,
        new ObjectMapper().registerModule(new JavaTimeModule()),
        Clock.fixed(T0, ZoneOffset.UTC),
        new StoreProperties("jdbc:unused", "postgres", "", 2, maxVersions),
        new TaskFailureRepository(jdbc));
  }

  private static AppDefinition app(String id, int instances, Instant version) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd("sleep 1")
        .instances(instances)
        .versionInfo(VersionInfo.initial(version))
        .build();
  }

  @Test
  void savedTreesAreReadBackByAFreshRepositoryWithEveryVersion() {
    GroupRepository repo = repository(10);
    Instant t1 = repo.nextVersion();
    RootGroup first = RootGroup.empty(null).putApp(app("/a/web", 2, t1), t1);
    repo.save(first);
    Instant t2 = repo.nextVersion();
    assertThat(t2).isAfter(t1);
    RootGroup second = first.putApp(app("/a/web", 5, t2), t2).putApp(app("/b/db", 1, t2), t2);
    repo.save(second);

    GroupRepository fresh = repository(10);
    assertThat(fresh.root()).isEqualTo(second);
    assertThat(fresh.rootVersions()).containsExactly(t2, t1);
    assertThat(fresh.rootAt(t1)).contains(first);
    assertThat(fresh.appVersions(PathId.parse("/a/web"))).containsExactly(t2, t1);
    assertThat(fresh.appAt(PathId.parse("/a/web"), t1).orElseThrow().instances()).isEqualTo(2);
  }

  @Test
  void aFailedTransactionStoresNothingAndKeepsTheCachedTree() {
    GroupRepository repo = repository(10);
    Instant t1 = repo.nextVersion();
    RootGroup first = RootGroup.empty(null).putApp(app("/x", 1, t1), t1);
    repo.save(first);
    Instant t2 = repo.nextVersion();
    RootGroup second = first.putApp(app("/y", 1, t2), t2);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      repo.save(second);
                      throw new IllegalStateException("the deployment could not be stored");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(repo.root()).isEqualTo(first);
    assertThat(repository(10).root()).isEqualTo(first);
    assertThat(repo.appVersions(PathId.parse("/y"))).isEmpty();
  }

  @Test
  void onlyTheNewestRootVersionsAreKept() {
    GroupRepository repo = repository(3);
    RootGroup root = RootGroup.empty(null);
    Instant last = null;
    for (int i = 1; i <= 5; i++) {
      last = repo.nextVersion();
      root = root.putApp(app("/app", i, last), last);
      repo.save(root);
    }
    assertThat(repo.rootVersions()).hasSize(3).first().isEqualTo(last);
    assertThat(repo.root().app(PathId.parse("/app")).orElseThrow().instances()).isEqualTo(5);
  }

  @Test
  void appVersionsBeyondTheLimitAreRemovedOnWriteAndKeptRootVersionsStayReadable() {
    GroupRepository repo = repository(3);
    RootGroup root = RootGroup.empty(null);
    List<Instant> versions = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Instant v = repo.nextVersion();
      versions.add(v);
      root = root.putApp(app("/app", i, v), v);
      repo.save(root);
    }
    PathId id = PathId.parse("/app");
    assertThat(repo.appVersions(id))
        .containsExactly(versions.get(4), versions.get(3), versions.get(2));
    assertThat(repo.appAt(id, versions.get(0))).isEmpty();
    for (Instant v : repository(3).rootVersions()) {
      assertThat(repository(3).rootAt(v).orElseThrow().app(id)).isPresent();
    }
  }

  @Test
  void removingAnAppForgetsItsLastTaskFailureAndFreesItsServicePorts() {
    TaskFailureRepository failures = new TaskFailureRepository(jdbc);
    GroupRepository repo = repository(10);
    Instant t1 = repo.nextVersion();
    AppDefinition kept =
        app("/kept", 1, t1).toBuilder()
            .portDefinitions(List.of(new PortDefinition(10000, "tcp", null, Map.of())))
            .build();
    AppDefinition gone =
        app("/gone", 1, t1).toBuilder()
            .portDefinitions(List.of(new PortDefinition(10001, "tcp", null, Map.of())))
            .build();
    RootGroup first = RootGroup.empty(null).putApp(kept, t1).putApp(gone, t1);
    repo.save(first);
    assertThat(repo.servicePorts().used(10001)).isTrue();
    for (String app : List.of("/kept", "/gone")) {
      failures.record(
          new TaskFailureRepository.TaskFailure(
              app, app + ".task", "TASK_FAILED", "exit 1", "10.0.0.1", "agent", t1, T0));
    }

    Instant t2 = repo.nextVersion();
    repo.save(first.removeApp(gone.id(), t2));

    TaskFailureRepository reread = new TaskFailureRepository(jdbc);
    assertThat(reread.last("/gone")).isEmpty();
    assertThat(reread.last("/kept").orElseThrow().message()).isEqualTo("exit 1");
    assertThat(repo.servicePorts().used(10001)).isFalse();
    assertThat(repo.servicePorts().used(10000)).isTrue();
    assertThat(repo.servicePorts().allocate().assign(PathId.parse("/new"), List.of(0)))
        .contains(List.of(10001));
  }

  @Test
  void anOlderFailureDoesNotReplaceANewerOne() {
    TaskFailureRepository failures = new TaskFailureRepository(jdbc);
    Instant v = T0;
    failures.record(
        new TaskFailure("/a", "a.2", "TASK_LOST", "gone", "h2", null, v, T0.plusSeconds(10)));
    failures.record(new TaskFailure("/a", "a.1", "TASK_FAILED", "old", "h1", null, v, T0));
    assertThat(failures.last("/a").orElseThrow().taskId()).isEqualTo("a.2");
    assertThat(new TaskFailureRepository(jdbc).last("/a").orElseThrow().taskId()).isEqualTo("a.2");
  }
}
