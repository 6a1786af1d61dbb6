package io.dcos.marathon.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Group;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.server.api.json.AppJson;
import io.dcos.marathon.server.api.json.AppJsonConverter;
import io.dcos.marathon.server.config.StoreProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app tree in PostgreSQL: every app version once, every root group version as a tree of app
 * references, and which one is current. The current tree is cached in memory (only the leader
 * writes) and replaced after a write commits. Changes of the tree are serialized by {@link
 * #locked}.
 */
@Repository
public class GroupRepository {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final StoreProperties props;
  private final TaskFailureRepository failures;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile RootGroup current;
  private volatile SortedApps sortedApps;
  // The service ports of portsBasis's apps; rebuilt when the tree changed without it.
  private UsedServicePorts ports;
  private RootGroup portsBasis;

  public GroupRepository(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      ObjectMapper mapper,
      Clock clock,
      StoreProperties props,
      TaskFailureRepository failures) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.mapper = mapper;
    this.clock = clock;
    this.props = props;
    this.failures = failures;
  }

  /** Runs {@code change} while no other tree change runs (read, plan, store as one step). */
  public <T> T locked(Supplier<T> change) {
    writeLock.lock();
    try {
      return change.get();
    } finally {
      writeLock.unlock();
    }
  }

  /** A fresh version timestamp, later than the current tree's (millisecond precision). */
  public Instant nextVersion() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant last = root().version();
    return last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
  }

  /** The current tree (empty before the first write). */
  public RootGroup root() {
    RootGroup cached = current;
    if (cached == null) {
      cached = loadCurrent();
      current = cached;
    }
    return cached;
  }

  /** The apps of the current tree ordered by id, sorted once per tree. */
  public List<AppDefinition> apps() {
    RootGroup root = root();
    SortedApps sorted = sortedApps;
    if (sorted == null || sorted.root() != root) {
      sorted = new SortedApps(root, root.apps());
      sortedApps = sorted;
    }
    return sorted.apps();
  }

  private record SortedApps(RootGroup root, List<AppDefinition> apps) {}

  /** Apps in the cached tree, without touching the database (0 before the first read). */
  public int cachedAppCount() {
    RootGroup cached = current;
    return cached == null ? 0 : cached.apps().size();
  }

  /** Forgets the cache, for a new leader that must read what the previous one wrote. */
  public void reload() {
    current = null;
  }

  /** The service ports the apps of the current tree use. */
  public UsedServicePorts servicePorts() {
    RootGroup root = root();
    synchronized (this) {
      if (ports == null || portsBasis != root) {
        ports = UsedServicePorts.of(root);
        portsBasis = root;
      }
      return ports;
    }
  }

  private synchronized void written(
      RootGroup previous, RootGroup root, List<AppDefinition> changed, List<PathId> removed) {
    if (ports != null && portsBasis == previous) {
      ports.apply(changed, removed);
      portsBasis = root;
    } else {
      ports = null;
    }
  }

  /**
   * Stores {@code root} as the current tree. Joins the caller's transaction if there is one; the
   * cache changes only once it commits.
   */
  public void save(RootGroup root) {
    RootGroup previous = root();
    List<AppDefinition> changed = new ArrayList<>();
    List<PathId> removed = new ArrayList<>();
    Runnable write =
        () -> {
          Instant version = root.version();
          List<Object[]> newApps = new ArrayList<>();
          for (AppDefinition app : previous.apps()) {
            if (root.app(app.id()).isEmpty()) {
              removed.add(app.id());
            }
          }
          for (AppDefinition app : root.apps()) {
            Optional<AppDefinition> before = previous.app(app.id());
            if (before.isPresent() && before.get().equals(app)) {
              continue;
            }
            changed.add(app);
            newApps.add(
                new Object[] {
                  app.id().toString(),
                  Timestamp.from(app.version()),
                  json(AppJsonConverter.toJson(app))
                });
          }
          jdbc.batchUpdate(
              "INSERT INTO app_versions (app_id, version, definition) VALUES (?, ?, ?::jsonb)"
                  + " ON CONFLICT DO NOTHING",
              newApps);
          jdbc.update(
              "INSERT INTO root_group_versions (version, tree) VALUES (?, ?::jsonb)"
                  + " ON CONFLICT (version) DO UPDATE SET tree = EXCLUDED.tree",
              Timestamp.from(version),
              json(tree(root)));
          jdbc.update(
              "INSERT INTO current_root (singleton, version) VALUES (true, ?)"
                  + " ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version",
              Timestamp.from(version));
          jdbc.update(
              "DELETE FROM root_group_versions WHERE version NOT IN (SELECT version FROM"
                  + " root_group_versions ORDER BY version DESC LIMIT ?)",
              props.maxVersions());
          pruneAppVersions(changed.stream().map(a -> a.id().toString()).toList());
          failures.forget(removed.stream().map(PathId::toString).toList());
        };
    Runnable committed =
        () -> {
          current = root;
          written(previous, root, changed, removed);
          failures.forgotten(removed.stream().map(PathId::toString).toList());
        };
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      write.run();
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              committed.run();
            }
          });
    } else {
      tx.executeWithoutResult(s -> write.run());
      committed.run();
    }
  }

  /**
   * Deletes the versions of {@code appIds} beyond the newest {@code maxVersions}, except those a
   * kept root group version names. Runs after the root group versions were pruned.
   */
  private void pruneAppVersions(List<String> appIds) {
    if (appIds.isEmpty()) {
      return;
    }
    Map<String, List<Instant>> versions = new HashMap<>();
    jdbc.query(
        "SELECT app_id, version FROM app_versions WHERE app_id = ANY(?)",
        rs -> {
          versions
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getTimestamp(2).toInstant());
        },
        (Object) appIds.toArray(String[]::new));
    List<String> over = AppVersionPruning.overLimit(versions, props.maxVersions());
    if (over.isEmpty()) {
      return;
    }
    Set<AppVersionPruning.AppVersion> referenced = new HashSet<>();
    jdbc.query(
        "SELECT e->>'id', e->>'version' FROM root_group_versions r,"
            + " jsonb_array_elements(r.tree->'apps') e WHERE e->>'id' = ANY(?)",
        rs -> {
          referenced.add(
              new AppVersionPruning.AppVersion(rs.getString(1), Instant.parse(rs.getString(2))));
        },
        (Object) over.toArray(String[]::new));
    Map<String, List<Instant>> candidates = new HashMap<>();
    over.forEach(id -> candidates.put(id, versions.get(id)));
    List<Object[]> obsolete =
        AppVersionPruning.obsolete(candidates, referenced, props.maxVersions()).stream()
            .map(v -> new Object[] {v.appId(), Timestamp.from(v.version())})
            .toList();
    jdbc.batchUpdate("DELETE FROM app_versions WHERE app_id = ? AND version = ?", obsolete);
  }

  /** The kept root group versions, newest first. */
  public List<Instant> rootVersions() {
    return jdbc.query(
        "SELECT version FROM root_group_versions ORDER BY version DESC",
        (rs, i) -> rs.getTimestamp(1).toInstant());
  }

  /** The tree as it was at {@code version}. */
  public Optional<RootGroup> rootAt(Instant version) {
    List<String> trees =
        jdbc.query(
            "SELECT tree::text FROM root_group_versions WHERE version = ?",
            (rs, i) -> rs.getString(1),
            Timestamp.from(version));
    return trees.stream().findFirst().map(this::fromTree);
  }

  /** Every stored version of the app, newest first. */
  public List<Instant> appVersions(PathId appId) {
    return jdbc.query(
        "SELECT version FROM app_versions WHERE app_id = ? ORDER BY version DESC",
        (rs, i) -> rs.getTimestamp(1).toInstant(),
        appId.toString());
  }

  /** The app as it was at {@code version}. */
  public Optional<AppDefinition> appAt(PathId appId, Instant version) {
    return jdbc
        .query(
            "SELECT definition::text FROM app_versions WHERE app_id = ? AND version = ?",
            (rs, i) -> app(rs.getString(1)),
            appId.toString(),
            Timestamp.from(version))
        .stream()
        .findFirst();
  }

  private RootGroup loadCurrent() {
    List<String> trees =
        jdbc.query(
            "SELECT r.tree::text FROM current_root c JOIN root_group_versions r USING (version)",
            (rs, i) -> rs.getString(1));
    return trees.isEmpty() ? RootGroup.empty(null) : fromTree(trees.get(0));
  }

  private RootGroup fromTree(String text) {
    RootTreeJson tree = read(text, RootTreeJson.class);
    String[] ids = tree.apps().stream().map(RootTreeJson.AppRef::id).toArray(String[]::new);
    Timestamp[] versions =
        tree.apps().stream()
            .map(a -> Timestamp.from(Instant.parse(a.version())))
            .toArray(Timestamp[]::new);
    Map<PathId, AppDefinition> apps = new HashMap<>();
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "SELECT a.definition::text FROM app_versions a"
                      + " JOIN unnest(?::text[], ?::timestamptz[]) AS r(app_id, version)"
                      + " ON a.app_id = r.app_id AND a.version = r.version");
          ps.setArray(1, con.createArrayOf("text", ids));
          ps.setArray(2, con.createArrayOf("timestamptz", versions));
          return ps;
        },
        rs -> {
          AppDefinition app = app(rs.getString(1));
          apps.put(app.id(), app);
        });
    Map<PathId, RootTreeJson.GroupRow> rows = new TreeMap<>();
    tree.groups().forEach(g -> rows.put(PathId.parse(g.id()), g));
    return new RootGroup(build(PathId.ROOT, rows, apps, tree.version()));
  }

  private Group build(
      PathId id,
      Map<PathId, RootTreeJson.GroupRow> rows,
      Map<PathId, AppDefinition> apps,
      String rootVersion) {
    RootTreeJson.GroupRow row = rows.get(id);
    Map<PathId, AppDefinition> own = new TreeMap<>();
    apps.values().stream().filter(a -> a.id().parent().equals(id)).forEach(a -> own.put(a.id(), a));
    Map<PathId, Group> children = new TreeMap<>();
    for (PathId child : rows.keySet()) {
      if (!child.isRoot() && child.parent().equals(id)) {
        children.put(child, build(child, rows, apps, rootVersion));
      }
    }
    Set<PathId> deps = new HashSet<>();
    if (row != null) {
      row.dependencies().forEach(d -> deps.add(PathId.parse(d)));
    }
    String version = row != null && row.version() != null ? row.version() : rootVersion;
    return new Group(
        id,
        own,
        children,
        deps,
        row != null && row.enforceRole(),
        version == null ? null : Instant.parse(version));
  }

  private RootTreeJson tree(RootGroup root) {
    List<RootTreeJson.GroupRow> groups = new ArrayList<>();
    for (Group g : root.group().transitiveGroups()) {
      groups.add(
          new RootTreeJson.GroupRow(
              g.id().toString(),
              g.dependencies().stream().map(PathId::toString).sorted().toList(),
              g.enforceRole(),
              g.version() == null ? null : g.version().toString()));
    }
    List<RootTreeJson.AppRef> apps =
        root.apps().stream()
            .map(a -> new RootTreeJson.AppRef(a.id().toString(), a.version().toString()))
            .toList();
    return new RootTreeJson(
        root.version() == null ? null : root.version().toString(), groups, apps);
  }

  private AppDefinition app(String json) {
    return AppJsonConverter.toModel(read(json, AppJson.class), PathId.ROOT).value();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored state is not readable", e);
    }
  }
}
