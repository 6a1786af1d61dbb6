package io.dcos.marathon.core.validation;

import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.EnvVarValue;
import io.dcos.marathon.core.model.FetchUri;
import io.dcos.marathon.core.model.HealthCheck;
import io.dcos.marathon.core.model.Network;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.PortDefinition;
import io.dcos.marathon.core.model.PortMapping;
import io.dcos.marathon.core.model.ReadinessCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an app definition against Marathon's rules. Pure: returns every violation with the JSON
 * path of the field, an empty list for a valid app.
 */
public final class AppValidator {
  /** A path segment: lower-case DNS label characters, or {@code .}/{@code ..}. */
  static final String SEGMENT_REGEX =
      "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$";

  private static final Pattern SEGMENT = Pattern.compile(SEGMENT_REGEX);
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  private static final Pattern PORT_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9]+)*$");

  private AppValidator() {}

  /** Every violation of {@code app}. */
  public static List<Violation> validate(AppDefinition app) {
    Violations v = new Violations();
    validateId(app.id(), "/id", v);
    boolean hasCmd = app.cmd() != null && !app.cmd().isBlank();
    boolean hasArgs = !app.args().isEmpty();
    if ((hasCmd && hasArgs) || (!hasCmd && !hasArgs && app.container() == null)) {
      v.add("/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
    }
    v.atLeast(app.instances(), 0, "/instances");
    v.atLeast(app.cpus(), 0.0, "/cpus");
    v.atLeast(app.mem(), 0.0, "/mem");
    v.atLeast(app.disk(), 0.0, "/disk");
    v.atLeast(app.gpus(), 0, "/gpus");
    v.atLeast(app.backoffStrategy().backoff().toSeconds(), 0, "/backoffSeconds");
    v.atLeast(app.backoffStrategy().factor(), 1.0, "/backoffFactor");
    v.atLeast(app.backoffStrategy().maxLaunchDelay().toSeconds(), 0, "/maxLaunchDelaySeconds");
    v.fraction(
        app.upgradeStrategy().minimumHealthCapacity(), "/upgradeStrategy/minimumHealthCapacity");
    v.fraction(app.upgradeStrategy().maximumOverCapacity(), "/upgradeStrategy/maximumOverCapacity");
    if (app.taskKillGracePeriod() != null) {
      v.check(
          !app.taskKillGracePeriod().isNegative() && !app.taskKillGracePeriod().isZero(),
          "/taskKillGracePeriodSeconds",
          "must be positive");
    }
    if (app.unreachableStrategy().enabled()) {
      v.check(
          app.unreachableStrategy()
                  .expungeAfter()
                  .compareTo(app.unreachableStrategy().inactiveAfter())
              >= 0,
          "/unreachableStrategy/expungeAfterSeconds",
          "expungeAfterSeconds must be greater than or equal to inactiveAfterSeconds");
    }
    app.env()
        .forEach(
            (name, value) -> {
              v.check(!name.isEmpty(), "/env", "must not have empty names");
              if (value instanceof EnvVarValue.SecretRef ref
                  && !app.secrets().containsKey(ref.secret())) {
                v.add(
                    "/env/" + name, "references an undefined secret named '" + ref.secret() + "'");
              }
              if (value instanceof EnvVarValue.SecretRef && !ENV_NAME.matcher(name).matches()) {
                v.add("/env/" + name, "must be a valid environment variable name");
              }
            });
    app.secrets()
        .forEach(
            (name, secret) ->
                v.check(
                    secret.source() != null && !secret.source().isBlank(),
                    "/secrets/" + name + "/source",
                    "must not be empty"));
    for (int i = 0; i < app.fetch().size(); i++) {
      FetchUri f = app.fetch().get(i);
      v.check(f.uri() != null && !f.uri().isBlank(), "/fetch(" + i + ")/uri", "must not be empty");
    }
    int d = 0;
    for (PathId dependency : app.dependencies()) {
      validateId(dependency, "/dependencies(" + d++ + ")", v);
    }
    validatePortDefinitions(app, v);
    validateContainer(app, v);
    validateNetworks(app.networks(), v);
    int ports = portCount(app);
    for (int i = 0; i < app.healthChecks().size(); i++) {
      validateHealthCheck(app.healthChecks().get(i), ports, "/healthChecks(" + i + ")", v);
    }
    Set<String> portNames = portNames(app);
    for (int i = 0; i < app.readinessChecks().size(); i++) {
      ReadinessCheck r = app.readinessChecks().get(i);
      String path = "/readinessChecks(" + i + ")";
      v.check(
          portNames.contains(r.portName()),
          path + "/portName",
          "Readiness check port name must reference a port name of the app");
      v.check(
          !r.httpStatusCodesForReady().isEmpty(),
          path + "/httpStatusCodesForReady",
          "must not be empty");
      v.check(r.interval().toMillis() > 0, path + "/intervalSeconds", "must be positive");
      v.check(
          r.timeout().compareTo(r.interval()) < 0,
          path + "/timeoutSeconds",
          "must be less than intervalSeconds");
    }
    if (!app.readinessChecks().isEmpty()) {
      v.check(
          app.upgradeStrategy().minimumHealthCapacity() < 1
              || app.upgradeStrategy().maximumOverCapacity() > 0,
          "/upgradeStrategy",
          "readiness checks need room to upgrade: minimumHealthCapacity below 1 or maximumOverCapacity above 0");
    }
    int a = 0;
    for (String role : app.acceptedResourceRoles()) {
      v.check(
          role != null && !role.isBlank(),
          "/acceptedResourceRoles(" + a++ + ")",
          "must not be empty");
    }
    return v.list();
  }

  /** The violations of an app or group id at {@code jsonPath}; the root is not a valid id. */
  public static List<Violation> validatePath(PathId id, String jsonPath) {
    Violations v = new Violations();
    validateId(id, jsonPath, v);
    return v.list();
  }

  /** Checks every segment of an id; the root is not an app id. */
  static void validateId(PathId id, String path, Violations v) {
    if (id.isRoot()) {
      v.add(path, "Path must contain at least one path element");
      return;
    }
    for (String segment : id.segments()) {
      if (!SEGMENT.matcher(segment).matches()) {
        v.add(path, "must fully match regular expression '" + SEGMENT_REGEX + "'");
        return;
      }
    }
  }

  private static void validatePortDefinitions(AppDefinition app, Violations v) {
    List<PortDefinition> defs = app.portDefinitions();
    Set<String> names = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < defs.size(); i++) {
      PortDefinition p = defs.get(i);
      String path = "/portDefinitions(" + i + ")";
      v.check(p.port() >= 0 && p.port() <= 65535, path + "/port", "must be in 0..65535");
      v.check(
          Set.of("tcp", "udp", "udp,tcp", "tcp,udp").contains(p.protocol()),
          path + "/protocol",
          "is not one of (tcp,udp,udp,tcp)");
      if (p.name() != null) {
        v.check(
            PORT_NAME.matcher(p.name()).matches(),
            path + "/name",
            "must fully match regular expression '" + PORT_NAME.pattern() + "'");
        if (!names.add(p.name())) {
          v.add("/portDefinitions", "Port names must be unique.");
        }
      }
      if (p.port() != 0 && !ports.add(p.port())) {
        v.add("/portDefinitions", "Ports must be unique.");
      }
    }
    if (app.requirePorts() && defs.stream().anyMatch(p -> p.port() == 0)) {
      v.add(
          "/requirePorts",
          "requirePorts needs fixed ports: every portDefinitions port must be non-zero");
    }
    boolean hostNetwork =
        app.networks().stream().allMatch(n -> n.mode() == Network.NetworkMode.HOST);
    if (!hostNetwork && !defs.isEmpty()) {
      v.add(
          "/portDefinitions",
          "portDefinitions are only allowed with host networking; use container.portMappings");
    }
  }

  private static void validateContainer(AppDefinition app, Violations v) {
    Container c = app.container();
    if (c == null) {
      return;
    }
    if (c.type() == Container.ContainerType.DOCKER) {
      v.check(c.docker() != null, "/container/docker", "must not be empty");
    }
    if (c.docker() != null) {
      v.check(
          c.docker().image() != null && !c.docker().image().isBlank(),
          "/container/docker/image",
          "must not be empty");
    }
    boolean hostNetwork =
        app.networks().stream().allMatch(n -> n.mode() == Network.NetworkMode.HOST);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.portMappings().size(); i++) {
      PortMapping m = c.portMappings().get(i);
      String path = "/container/portMappings(" + i + ")";
      v.check(
          m.containerPort() >= 0 && m.containerPort() <= 65535,
          path + "/containerPort",
          "must be in 0..65535");
      if (m.hostPort() != null) {
        v.check(
            m.hostPort() >= 0 && m.hostPort() <= 65535, path + "/hostPort", "must be in 0..65535");
      }
      v.check(
          m.servicePort() >= 0 && m.servicePort() <= 65535,
          path + "/servicePort",
          "must be in 0..65535");
      if (m.name() != null && !names.add(m.name())) {
        v.add("/container/portMappings", "Port names must be unique.");
      }
    }
    if (hostNetwork && !c.portMappings().isEmpty()) {
      v.add("/container/portMappings", "portMappings are not allowed with host networking");
    }
    for (int i = 0; i < c.volumes().size(); i++) {
      var vol = c.volumes().get(i);
      String path = "/container/volumes(" + i + ")";
      v.check(
          vol.containerPath() != null && !vol.containerPath().isBlank(),
          path + "/containerPath",
          "must not be empty");
      v.check(vol.mode() != null, path + "/mode", "must be RO or RW");
      v.check(
          vol.hostPath() != null || vol.persistentSizeMib() != null,
          path,
          "a volume needs a hostPath or a persistent size");
      if (vol.persistentSizeMib() != null) {
        v.check(vol.persistentSizeMib() > 0, path + "/persistent/size", "must be positive");
      }
    }
  }

  private static void validateNetworks(List<Network> networks, Violations v) {
    long host = networks.stream().filter(n -> n.mode() == Network.NetworkMode.HOST).count();
    long bridge =
        networks.stream().filter(n -> n.mode() == Network.NetworkMode.CONTAINER_BRIDGE).count();
    if (host > 0 && networks.size() > 1) {
      v.add("/networks", "Networking mode host cannot be mixed with other networking modes");
    }
    if (bridge > 0 && networks.size() > 1) {
      v.add(
          "/networks",
          "Networking mode container/bridge cannot be mixed with other networking modes");
    }
    for (int i = 0; i < networks.size(); i++) {
      Network n = networks.get(i);
      if (n.mode() != Network.NetworkMode.CONTAINER && n.name() != null) {
        v.add("/networks(" + i + ")/name", "must be empty for mode " + n.mode().json());
      }
    }
  }

  private static void validateHealthCheck(HealthCheck h, int ports, String path, Violations v) {
    if (h.protocol().needsPort()) {
      v.check(
          !(h.port() != null && h.portIndex() != null),
          path,
          "Health check definition must specify either a port or a portIndex, not both");
      if (h.portIndex() != null) {
        v.check(
            h.portIndex() >= 0 && h.portIndex() < ports,
            path + "/portIndex",
            "Health check port indices must address an element of the ports array or container port mappings.");
      }
      if (h.port() != null) {
        v.check(h.port() >= 0 && h.port() <= 65535, path + "/port", "must be in 0..65535");
      }
    } else {
      v.check(
          h.command() != null && !h.command().isBlank(), path + "/command", "must not be empty");
    }
    v.atLeast(h.maxConsecutiveFailures(), 0, path + "/maxConsecutiveFailures");
    v.atLeast(h.gracePeriod().toSeconds(), 0, path + "/gracePeriodSeconds");
    v.check(h.interval().toMillis() > 0, path + "/intervalSeconds", "must be positive");
    v.check(h.timeout().toMillis() > 0, path + "/timeoutSeconds", "must be positive");
    v.check(
        h.timeout().compareTo(h.interval()) < 0,
        path + "/timeoutSeconds",
        "must be smaller than intervalSeconds");
  }

  private static int portCount(AppDefinition app) {
    if (app.container() != null && !app.container().portMappings().isEmpty()) {
      return app.container().portMappings().size();
    }
    return app.portDefinitions().size();
  }

  private static Set<String> portNames(AppDefinition app) {
    Set<String> names = new HashSet<>();
    app.portDefinitions().forEach(p -> names.add(p.name()));
    if (app.container() != null) {
      app.container().portMappings().forEach(p -> names.add(p.name()));
    }
    names.remove(null);
    return names;
  }
}
