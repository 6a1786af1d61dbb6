package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.BackoffStrategy;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.DockerSpec;
import io.dcos.marathon.core.model.EnvVarValue;
import io.dcos.marathon.core.model.FetchUri;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.KillSelection;
import io.dcos.marathon.core.model.Network;
import io.dcos.marathon.core.model.Parameter;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.model.ReadinessCheck;
import io.dcos.marathon.core.model.Secret;
import io.dcos.marathon.core.model.UnreachableStrategy;
import io.dcos.marathon.core.model.UpgradeStrategy;
import io.dcos.marathon.core.model.VersionInfo;
import io.dcos.marathon.core.model.Volume;
import io.dcos.marathon.core.placement.Constraint;
import io.dcos.marathon.core.validation.Violation;
import io.dcos.marathon.server.api.json.AppJson.FetchJson;
import io.dcos.marathon.server.api.json.AppJson.NetworkJson;
import io.dcos.marathon.server.api.json.AppJson.PortDefinitionJson;
import io.dcos.marathon.server.api.json.ContainerJson.DockerJson;
import io.dcos.marathon.server.api.json.ContainerJson.PortMappingJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts between Marathon's app JSON and {@link AppDefinition}: absent fields get Marathon's
 * defaults, legacy forms are normalized, and the output always carries every field.
 */
public final class AppJsonConverter {
  private AppJsonConverter() {}

  /**
   * The app for {@code json}; relative ids and dependencies resolve against {@code base} (the
   * enclosing group). Problems the model cannot represent come back as violations.
   */
  public static Converted<AppDefinition> toModel(AppJson json, PathId base) {
    List<Violation> problems = new ArrayList<>();
    PathId id = json.id() == null ? PathId.ROOT : base.resolve(json.id());
    if (json.id() == null) {
      problems.add(new Violation("/id", "must not be empty"));
    }
    AppDefinition.Builder b = AppDefinition.builder(id);
    b.cmd(json.cmd()).args(orEmpty(json.args())).user(json.user());
    b.env(env(json.env(), problems));
    Map<String, Secret> secrets = new TreeMap<>();
    if (json.secrets() != null) {
      json.secrets().forEach((k, s) -> secrets.put(k, new Secret(s == null ? null : s.source())));
    }
    b.secrets(secrets);
    if (json.instances() != null) b.instances(json.instances());
    if (json.cpus() != null) b.cpus(json.cpus());
    if (json.mem() != null) b.mem(json.mem());
    if (json.disk() != null) b.disk(json.disk());
    if (json.gpus() != null) b.gpus(json.gpus());
    if (json.executor() != null) b.executor(json.executor());
    b.constraints(constraints(json.constraints(), problems));
    b.fetch(fetch(json));
    b.storeUrls(orEmpty(json.storeUrls()));
    if (json.requirePorts() != null) b.requirePorts(json.requirePorts());
    BackoffStrategy d = BackoffStrategy.DEFAULT;
    b.backoffStrategy(
        new BackoffStrategy(
            json.backoffSeconds() == null ? d.backoff() : Duration.ofSeconds(json.backoffSeconds()),
            json.backoffFactor() == null ? d.factor() : json.backoffFactor(),
            json.maxLaunchDelaySeconds() == null
                ? d.maxLaunchDelay()
                : Duration.ofSeconds(json.maxLaunchDelaySeconds())));
    List<Network> networks = networks(json, problems);
    b.networks(networks);
    b.container(container(json.container(), problems));
    b.portDefinitions(portDefinitions(json, networks));
    b.healthChecks(healthChecks(json.healthChecks(), problems));
    b.readinessChecks(readinessChecks(json.readinessChecks()));
    Set<PathId> dependencies = new LinkedHashSet<>();
    orEmpty(json.dependencies()).forEach(dep -> dependencies.add(base.resolve(dep)));
    b.dependencies(dependencies);
    if (json.upgradeStrategy() != null) {
      UpgradeStrategy u = UpgradeStrategy.DEFAULT;
      b.upgradeStrategy(
          new UpgradeStrategy(
              orDefault(json.upgradeStrategy().minimumHealthCapacity(), u.minimumHealthCapacity()),
              orDefault(json.upgradeStrategy().maximumOverCapacity(), u.maximumOverCapacity())));
    }
    b.labels(json.labels() == null ? Map.of() : new TreeMap<>(json.labels()));
    b.acceptedResourceRoles(new LinkedHashSet<>(orEmpty(json.acceptedResourceRoles())));
    b.role(json.role());
    if (json.killSelection() != null) {
      try {
        b.killSelection(KillSelection.valueOf(json.killSelection()));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Violation("/killSelection", "is not one of (YOUNGEST_FIRST,OLDEST_FIRST)"));
      }
    }
    b.unreachableStrategy(unreachable(json.unreachableStrategy(), problems));
    if (json.taskKillGracePeriodSeconds() != null) {
      b.taskKillGracePeriod(Duration.ofSeconds(json.taskKillGracePeriodSeconds()));
    }
    b.versionInfo(versionInfo(json, problems));
    return new Converted<>(b.build(), problems);
  }

  /** The full JSON of {@code app}, every field present. */
  public static AppJson toJson(AppDefinition app) {
    Map<String, JsonNode> env = new TreeMap<>();
    app.env()
        .forEach(
            (k, v) ->
                env.put(
                    k,
                    v instanceof EnvVarValue.SecretRef s
                        ? JsonNodeFactory.instance.objectNode().put("secret", s.secret())
                        : JsonNodeFactory.instance.textNode(((EnvVarValue.Literal) v).value())));
    Map<String, AppJson.SecretJson> secrets = new TreeMap<>();
    app.secrets().forEach((k, s) -> secrets.put(k, new AppJson.SecretJson(s.source())));
    VersionInfo vi = app.versionInfo();
    return new AppJson(
        app.id().toString(),
        app.cmd(),
        app.cmd() == null ? app.args() : null,
        app.user(),
        env,
        secrets,
        app.instances(),
        app.cpus(),
        app.mem(),
        app.disk(),
        app.gpus(),
        app.executor(),
        app.constraints().stream().map(Constraint::toList).toList(),
        null,
        app.fetch().stream()
            .map(f -> new FetchJson(f.uri(), f.extract(), f.executable(), f.cache(), f.destPath()))
            .toList(),
        app.storeUrls(),
        null,
        app.portDefinitions().stream()
            .map(p -> new PortDefinitionJson(p.port(), p.protocol(), p.name(), p.labels()))
            .toList(),
        app.requirePorts(),
        app.backoffStrategy().backoff().toSeconds(),
        app.backoffStrategy().factor(),
        app.backoffStrategy().maxLaunchDelay().toSeconds(),
        containerJson(app.container()),
        app.healthChecks().stream().map(AppJsonConverter::healthCheckJson).toList(),
        app.readinessChecks().stream().map(AppJsonConverter::readinessJson).toList(),
        app.dependencies().stream().map(PathId::toString).sorted().toList(),
        new AppJson.UpgradeStrategyJson(
            app.upgradeStrategy().minimumHealthCapacity(),
            app.upgradeStrategy().maximumOverCapacity()),
        app.labels(),
        app.acceptedResourceRoles().stream().toList(),
        app.role(),
        app.killSelection().name(),
        unreachableJson(app.unreachableStrategy()),
        app.taskKillGracePeriod() == null ? null : app.taskKillGracePeriod().toSeconds(),
        app.networks().stream()
            .map(
                n ->
                    new NetworkJson(
                        n.mode().json(), n.name(), n.labels().isEmpty() ? null : n.labels()))
            .toList(),
        vi == null ? null : vi.version().toString(),
        vi == null
            ? null
            : new AppJson.VersionInfoJson(
                vi.lastScalingAt().toString(), vi.lastConfigChangeAt().toString()));
  }

  private static Map<String, EnvVarValue> env(Map<String, JsonNode> env, List<Violation> problems) {
    Map<String, EnvVarValue> out = new TreeMap<>();
    if (env == null) {
      return out;
    }
    env.forEach(
        (k, v) -> {
          if (v != null && v.isTextual()) {
            out.put(k, new EnvVarValue.Literal(v.asText()));
          } else if (v != null && v.isObject() && v.path("secret").isTextual()) {
            out.put(k, new EnvVarValue.SecretRef(v.path("secret").asText()));
          } else if (v != null && (v.isNumber() || v.isBoolean())) {
            out.put(k, new EnvVarValue.Literal(v.asText()));
          } else {
            problems.add(new Violation("/env/" + k, "must be a string or {\"secret\": name}"));
          }
        });
    return out;
  }

  private static List<Constraint> constraints(List<List<String>> json, List<Violation> problems) {
    List<Constraint> out = new ArrayList<>();
    List<List<String>> list = orEmpty(json);
    for (int i = 0; i < list.size(); i++) {
      Constraint.ParseResult r = Constraint.parse(list.get(i));
      if (r.ok()) {
        out.add(r.constraint().orElseThrow());
      } else {
        for (String p : r.problems()) {
          problems.add(new Violation("/constraints(" + i + ")", p));
        }
      }
    }
    return out;
  }

  private static List<FetchUri> fetch(AppJson json) {
    List<FetchUri> out = new ArrayList<>();
    for (FetchJson f : orEmpty(json.fetch())) {
      out.add(
          new FetchUri(
              f.uri(),
              orDefault(f.extract(), true),
              orDefault(f.executable(), false),
              orDefault(f.cache(), false),
              f.destPath()));
    }
    // Legacy "uris": archives are extracted, as Marathon did.
    orEmpty(json.uris()).forEach(u -> out.add(FetchUri.of(u)));
    return out;
  }

  private static List<Network> networks(AppJson json, List<Violation> problems) {
    if (json.networks() != null && !json.networks().isEmpty()) {
      List<Network> out = new ArrayList<>();
      for (int i = 0; i < json.networks().size(); i++) {
        NetworkJson n = json.networks().get(i);
        Network.NetworkMode mode =
            n.mode() == null
                ? Network.NetworkMode.CONTAINER
                : Network.NetworkMode.fromJson(n.mode());
        if (mode == null) {
          problems.add(
              new Violation(
                  "/networks(" + i + ")/mode", "is not one of (container,container/bridge,host)"));
          continue;
        }
        out.add(new Network(mode, n.name(), n.labels()));
      }
      return out;
    }
    // Legacy container.docker.network.
    if (json.container() != null && json.container().docker() != null) {
      String legacy = json.container().docker().network();
      if ("BRIDGE".equals(legacy)) {
        return List.of(new Network(Network.NetworkMode.CONTAINER_BRIDGE, null, null));
      }
      if ("USER".equals(legacy)) {
        return List.of(new Network(Network.NetworkMode.CONTAINER, null, null));
      }
    }
    return List.of(Network.HOST);
  }

  private static List<PortDefinition> portDefinitions(AppJson json, List<Network> networks) {
    if (json.portDefinitions() != null) {
      return json.portDefinitions().stream()
          .map(p -> new PortDefinition(orDefault(p.port(), 0), p.protocol(), p.name(), p.labels()))
          .toList();
    }
    if (json.ports() != null) {
      return json.ports().stream().map(p -> new PortDefinition(p, "tcp", null, Map.of())).toList();
    }
    boolean host = networks.stream().allMatch(n -> n.mode() == Network.NetworkMode.HOST);
    return host ? List.of(PortDefinition.defaultPort()) : List.of();
  }

  private static Container container(ContainerJson json, List<Violation> problems) {
    if (json == null) {
      return null;
    }
    Container.ContainerType type = Container.ContainerType.DOCKER;
    if (json.type() != null) {
      try {
        type = Container.ContainerType.valueOf(json.type());
      } catch (IllegalArgumentException e) {
        problems.add(new Violation("/container/type", "is not one of (DOCKER,MESOS)"));
      }
    }
    DockerJson d = json.docker();
    DockerSpec docker =
        d == null
            ? null
            : new DockerSpec(
                d.image(),
                orDefault(d.forcePullImage(), false),
                orDefault(d.privileged(), false),
                orEmpty(d.parameters()).stream()
                    .map(p -> new Parameter(p.key(), p.value()))
                    .toList());
    List<PortMappingJson> mappings =
        json.portMappings() != null
            ? json.portMappings()
            : d != null && d.portMappings() != null ? d.portMappings() : List.of();
    List<Volume> volumes = new ArrayList<>();
    List<ContainerJson.VolumeJson> vj = orEmpty(json.volumes());
    for (int i = 0; i < vj.size(); i++) {
      ContainerJson.VolumeJson v = vj.get(i);
      Volume.VolumeMode mode = null;
      try {
        mode = v.mode() == null ? Volume.VolumeMode.RW : Volume.VolumeMode.valueOf(v.mode());
      } catch (IllegalArgumentException e) {
        problems.add(new Violation("/container/volumes(" + i + ")/mode", "is not one of (RO,RW)"));
      }
      volumes.add(
          new Volume(
              v.containerPath(),
              v.hostPath(),
              mode,
              v.persistent() == null ? null : v.persistent().size()));
    }
    return new Container(
        type,
        docker,
        mappings.stream()
            .map(
                m ->
                    new PortMapping(
                        orDefault(m.containerPort(), 0),
                        m.hostPort(),
                        orDefault(m.servicePort(), 0),
                        m.protocol(),
                        m.name(),
                        m.labels(),
                        m.networkNames()))
            .toList(),
        volumes);
  }

  private static List<HealthCheck> healthChecks(
      List<HealthCheckJson> json, List<Violation> problems) {
    List<HealthCheck> out = new ArrayList<>();
    List<HealthCheckJson> list = orEmpty(json);
    for (int i = 0; i < list.size(); i++) {
      HealthCheckJson h = list.get(i);
      HealthCheck.HealthCheckProtocol protocol = HealthCheck.HealthCheckProtocol.HTTP;
      if (h.protocol() != null) {
        try {
          protocol = HealthCheck.HealthCheckProtocol.valueOf(h.protocol());
        } catch (IllegalArgumentException e) {
          problems.add(
              new Violation(
                  "/healthChecks(" + i + ")/protocol",
                  "is not one of (HTTP,HTTPS,TCP,COMMAND,MESOS_HTTP,MESOS_HTTPS,MESOS_TCP)"));
          continue;
        }
      }
      Integer portIndex = h.portIndex();
      if (portIndex == null && h.port() == null && protocol.needsPort()) {
        portIndex = 0;
      }
      boolean http = protocol.name().contains("HTTP");
      out.add(
          new HealthCheck(
              protocol,
              http ? (h.path() == null ? "/" : h.path()) : null,
              protocol.needsPort() ? portIndex : null,
              protocol.needsPort() ? h.port() : null,
              h.command() == null ? null : h.command().value(),
              Duration.ofSeconds(orDefault(h.gracePeriodSeconds(), 300L)),
              Duration.ofSeconds(orDefault(h.intervalSeconds(), 60L)),
              Duration.ofSeconds(orDefault(h.timeoutSeconds(), 20L)),
              orDefault(h.maxConsecutiveFailures(), 3),
              Duration.ofSeconds(orDefault(h.delaySeconds(), 15L)),
              orDefault(h.ignoreHttp1xx(), false)));
    }
    return out;
  }

  private static List<ReadinessCheck> readinessChecks(List<ReadinessCheckJson> json) {
    return orEmpty(json).stream()
        .map(
            r ->
                new ReadinessCheck(
                    r.name() == null ? "readinessCheck" : r.name(),
                    r.protocol() == null ? "HTTP" : r.protocol(),
                    r.path() == null ? "/" : r.path(),
                    r.portName() == null ? "http-api" : r.portName(),
                    Duration.ofSeconds(orDefault(r.intervalSeconds(), 30L)),
                    Duration.ofSeconds(orDefault(r.timeoutSeconds(), 10L)),
                    Set.copyOf(
                        r.httpStatusCodesForReady() == null
                            ? List.of(200)
                            : r.httpStatusCodesForReady()),
                    orDefault(r.preserveLastResponse(), false)))
        .toList();
  }

  private static UnreachableStrategy unreachable(JsonNode json, List<Violation> problems) {
    if (json == null || json.isNull()) {
      return UnreachableStrategy.DEFAULT;
    }
    if (json.isTextual() && json.asText().equals("disabled")) {
      return UnreachableStrategy.DISABLED;
    }
    if (json.isObject()) {
      JsonNode inactive = json.path("inactiveAfterSeconds");
      JsonNode expunge = json.path("expungeAfterSeconds");
      if ((inactive.isMissingNode() || inactive.canConvertToLong())
          && (expunge.isMissingNode() || expunge.canConvertToLong())) {
        return UnreachableStrategy.of(
            Duration.ofSeconds(inactive.asLong(0)), Duration.ofSeconds(expunge.asLong(0)));
      }
    }
    problems.add(
        new Violation(
            "/unreachableStrategy",
            "must be \"disabled\" or {\"inactiveAfterSeconds\", \"expungeAfterSeconds\"}"));
    return UnreachableStrategy.DEFAULT;
  }

  private static VersionInfo versionInfo(AppJson json, List<Violation> problems) {
    if (json.version() == null) {
      return null;
    }
    try {
      Instant version = Instant.parse(json.version());
      if (json.versionInfo() != null
          && json.versionInfo().lastScalingAt() != null
          && json.versionInfo().lastConfigChangeAt() != null) {
        return new VersionInfo(
            version,
            Instant.parse(json.versionInfo().lastScalingAt()),
            Instant.parse(json.versionInfo().lastConfigChangeAt()));
      }
      return VersionInfo.initial(version);
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(new Violation("/version", "is not an ISO 8601 timestamp"));
      return null;
    }
  }

  private static ContainerJson containerJson(Container c) {
    if (c == null) {
      return null;
    }
    DockerJson docker =
        c.docker() == null
            ? null
            : new DockerJson(
                c.docker().image(),
                c.docker().forcePullImage(),
                c.docker().privileged(),
                c.docker().parameters().stream()
                    .map(p -> new ContainerJson.ParameterJson(p.key(), p.value()))
                    .toList(),
                null,
                null);
    return new ContainerJson(
        c.type().name(),
        docker,
        c.portMappings().stream()
            .map(
                m ->
                    new PortMappingJson(
                        m.containerPort(),
                        m.hostPort(),
                        m.servicePort(),
                        m.protocol(),
                        m.name(),
                        m.labels(),
                        m.networkNames().isEmpty() ? null : m.networkNames()))
            .toList(),
        c.volumes().stream()
            .map(
                v ->
                    new ContainerJson.VolumeJson(
                        v.containerPath(),
                        v.hostPath(),
                        v.mode() == null ? null : v.mode().name(),
                        v.persistentSizeMib() == null
                            ? null
                            : new ContainerJson.PersistentJson(v.persistentSizeMib())))
            .toList());
  }

  private static HealthCheckJson healthCheckJson(HealthCheck h) {
    return new HealthCheckJson(
        h.protocol().name(),
        h.path(),
        h.portIndex(),
        h.port(),
        h.command() == null ? null : new HealthCheckJson.CommandJson(h.command()),
        h.gracePeriod().toSeconds(),
        h.interval().toSeconds(),
        h.timeout().toSeconds(),
        h.maxConsecutiveFailures(),
        h.delay().toSeconds(),
        h.ignoreHttp1xx());
  }

  private static ReadinessCheckJson readinessJson(ReadinessCheck r) {
    return new ReadinessCheckJson(
        r.name(),
        r.protocol(),
        r.path(),
        r.portName(),
        r.interval().toSeconds(),
        r.timeout().toSeconds(),
        r.httpStatusCodesForReady().stream().sorted().toList(),
        r.preserveLastResponse());
  }

  private static JsonNode unreachableJson(UnreachableStrategy u) {
    if (!u.enabled()) {
      return JsonNodeFactory.instance.textNode("disabled");
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("inactiveAfterSeconds", u.inactiveAfter().toSeconds());
    node.put("expungeAfterSeconds", u.expungeAfter().toSeconds());
    return node;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
