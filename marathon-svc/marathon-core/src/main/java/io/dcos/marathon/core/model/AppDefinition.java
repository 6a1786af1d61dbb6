package io.dcos.marathon.core.model;

import io.dcos.marathon.core.placement.Constraint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Marathon app: the definition of a long-running service with all the fields of the v2 API.
 * Collections are never null and immutable; nullable fields say so in their comment. Defaults are
 * Marathon's (see {@link Builder}).
 *
 * @param id the app's absolute path
 * @param cmd shell command; null when {@code args} or the image's entry point runs
 * @param args argument vector run without a shell
 * @param user Unix user of the task; null for the framework's default
 * @param env environment: literal values or secret references
 * @param secrets secrets by name, referenced from {@code env}
 * @param instances how many instances should run
 * @param cpus CPU shares per instance
 * @param mem memory per instance in MiB
 * @param disk disk per instance in MiB
 * @param gpus GPUs per instance
 * @param executor custom executor; empty for the command executor
 * @param constraints placement constraints
 * @param fetch URIs fetched into the sandbox
 * @param storeUrls URLs that must answer before a task is launched
 * @param portDefinitions host-network ports
 * @param requirePorts whether the service ports must be used as host ports
 * @param backoffStrategy relaunch delay after failures
 * @param container container of the tasks; null for a plain command
 * @param healthChecks health checks the agents run
 * @param readinessChecks checks that gate upgrades
 * @param dependencies apps and groups that must be deployed first
 * @param upgradeStrategy capacity rules of rolling upgrades
 * @param labels free-form metadata
 * @param acceptedResourceRoles roles of the resources the app may use; empty for any
 * @param role the role the app's resources are reserved for; null for the default role
 * @param killSelection which instances go first when scaling down
 * @param unreachableStrategy replacement of unreachable instances
 * @param taskKillGracePeriod time between SIGTERM and SIGKILL; null for the agent's default
 * @param networks networks the tasks join
 * @param versionInfo when the app last changed; null before it is stored
 */
public record AppDefinition(
    PathId id,
    String cmd,
    List<String> args,
    String user,
    Map<String, EnvVarValue> env,
    Map<String, Secret> secrets,
    int instances,
    double cpus,
    double mem,
    double disk,
    int gpus,
    String executor,
    List<Constraint> constraints,
    List<FetchUri> fetch,
    List<String> storeUrls,
    List<PortDefinition> portDefinitions,
    boolean requirePorts,
    BackoffStrategy backoffStrategy,
    Container container,
    List<HealthCheck> healthChecks,
    List<ReadinessCheck> readinessChecks,
    Set<PathId> dependencies,
    UpgradeStrategy upgradeStrategy,
    Map<String, String> labels,
    Set<String> acceptedResourceRoles,
    String role,
    KillSelection killSelection,
    UnreachableStrategy unreachableStrategy,
    Duration taskKillGracePeriod,
    List<Network> networks,
    VersionInfo versionInfo) {
  public AppDefinition {
    Objects.requireNonNull(id, "id");
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    executor = executor == null ? "" : executor;
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    fetch = fetch == null ? List.of() : List.copyOf(fetch);
    storeUrls = storeUrls == null ? List.of() : List.copyOf(storeUrls);
    portDefinitions = portDefinitions == null ? List.of() : List.copyOf(portDefinitions);
    backoffStrategy = backoffStrategy == null ? BackoffStrategy.DEFAULT : backoffStrategy;
    healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
    readinessChecks = readinessChecks == null ? List.of() : List.copyOf(readinessChecks);
    dependencies = dependencies == null ? Set.of() : Set.copyOf(dependencies);
    upgradeStrategy = upgradeStrategy == null ? UpgradeStrategy.DEFAULT : upgradeStrategy;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    acceptedResourceRoles =
        acceptedResourceRoles == null ? Set.of() : Set.copyOf(acceptedResourceRoles);
    killSelection = killSelection == null ? KillSelection.YOUNGEST_FIRST : killSelection;
    unreachableStrategy =
        unreachableStrategy == null ? UnreachableStrategy.DEFAULT : unreachableStrategy;
    networks = networks == null ? List.of() : List.copyOf(networks);
  }

  /** A builder with Marathon's defaults for an app at {@code id}. */
  public static Builder builder(PathId id) {
    return new Builder().id(id);
  }

  /** A builder holding this app's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.cmd = cmd;
    b.args = args;
    b.user = user;
    b.env = env;
    b.secrets = secrets;
    b.instances = instances;
    b.cpus = cpus;
    b.mem = mem;
    b.disk = disk;
    b.gpus = gpus;
    b.executor = executor;
    b.constraints = constraints;
    b.fetch = fetch;
    b.storeUrls = storeUrls;
    b.portDefinitions = portDefinitions;
    b.requirePorts = requirePorts;
    b.backoffStrategy = backoffStrategy;
    b.container = container;
    b.healthChecks = healthChecks;
    b.readinessChecks = readinessChecks;
    b.dependencies = dependencies;
    b.upgradeStrategy = upgradeStrategy;
    b.labels = labels;
    b.acceptedResourceRoles = acceptedResourceRoles;
    b.role = role;
    b.killSelection = killSelection;
    b.unreachableStrategy = unreachableStrategy;
    b.taskKillGracePeriod = taskKillGracePeriod;
    b.networks = networks;
    b.versionInfo = versionInfo;
    return b;
  }

  /** The app's version timestamp, or null before it is stored. */
  public Instant version() {
    return versionInfo == null ? null : versionInfo.version();
  }

  /** This app with another instance count. */
  public AppDefinition withInstances(int count) {
    return toBuilder().instances(count).build();
  }

  /** This app with another version info. */
  public AppDefinition withVersionInfo(VersionInfo info) {
    return toBuilder().versionInfo(info).build();
  }

  /**
   * True when going from this definition to {@code target} needs new tasks (a rolling restart): a
   * field other than the instance count differs, or the target's {@code lastConfigChangeAt} moved
   * (a restart). False when only the instance count (or nothing) changed.
   */
  public boolean isUpgrade(AppDefinition target) {
    if (versionInfo != null
        && target.versionInfo != null
        && !versionInfo.lastConfigChangeAt().equals(target.versionInfo.lastConfigChangeAt())) {
      // A restart (or any config change) moves lastConfigChangeAt even with equal fields.
      return true;
    }
    return !comparable().equals(target.comparable());
  }

  /** The definition without the fields a scale-only change may touch. */
  private AppDefinition comparable() {
    return toBuilder().instances(0).versionInfo(null).build();
  }

  /** A mutable builder of {@link AppDefinition}, starting from Marathon's defaults. */
  public static final class Builder {
    private PathId id = null;
    private String cmd = null;
    private List<String> args = List.of();
    private String user = null;
    private Map<String, EnvVarValue> env = Map.of();
    private Map<String, Secret> secrets = Map.of();
    private int instances = 1;
    private double cpus = 1.0;
    private double mem = 128.0;
    private double disk = 0.0;
    private int gpus = 0;
    private String executor = "";
    private List<Constraint> constraints = List.of();
    private List<FetchUri> fetch = List.of();
    private List<String> storeUrls = List.of();
    private List<PortDefinition> portDefinitions = List.of(PortDefinition.defaultPort());
    private boolean requirePorts = false;
    private BackoffStrategy backoffStrategy = BackoffStrategy.DEFAULT;
    private Container container = null;
    private List<HealthCheck> healthChecks = List.of();
    private List<ReadinessCheck> readinessChecks = List.of();
    private Set<PathId> dependencies = Set.of();
    private UpgradeStrategy upgradeStrategy = UpgradeStrategy.DEFAULT;
    private Map<String, String> labels = Map.of();
    private Set<String> acceptedResourceRoles = Set.of();
    private String role = null;
    private KillSelection killSelection = KillSelection.YOUNGEST_FIRST;
    private UnreachableStrategy unreachableStrategy = UnreachableStrategy.DEFAULT;
    private Duration taskKillGracePeriod = null;
    private List<Network> networks = List.of(Network.HOST);
    private VersionInfo versionInfo = null;

    public Builder id(PathId value) {
      this.id = value;
      return this;
    }

    public Builder cmd(String value) {
      this.cmd = value;
      return this;
    }

    public Builder args(List<String> value) {
      this.args = value;
      return this;
    }

    public Builder user(String value) {
      this.user = value;
      return this;
    }

    public Builder env(Map<String, EnvVarValue> value) {
      this.env = value;
      return this;
    }

    public Builder secrets(Map<String, Secret> value) {
      this.secrets = value;
      return this;
    }

    public Builder instances(int value) {
      this.instances = value;
      return this;
    }

    public Builder cpus(double value) {
      this.cpus = value;
      return this;
    }

    public Builder mem(double value) {
      this.mem = value;
      return this;
    }

    public Builder disk(double value) {
      this.disk = value;
      return this;
    }

    public Builder gpus(int value) {
      this.gpus = value;
      return this;
    }

    public Builder executor(String value) {
      this.executor = value;
      return this;
    }

    public Builder constraints(List<Constraint> value) {
      this.constraints = value;
      return this;
    }

    public Builder fetch(List<FetchUri> value) {
      this.fetch = value;
      return this;
    }

    public Builder storeUrls(List<String> value) {
      this.storeUrls = value;
      return this;
    }

    public Builder portDefinitions(List<PortDefinition> value) {
      this.portDefinitions = value;
      return this;
    }

    public Builder requirePorts(boolean value) {
      this.requirePorts = value;
      return this;
    }

    public Builder backoffStrategy(BackoffStrategy value) {
      this.backoffStrategy = value;
      return this;
    }

    public Builder container(Container value) {
      this.container = value;
      return this;
    }

    public Builder healthChecks(List<HealthCheck> value) {
      this.healthChecks = value;
      return this;
    }

    public Builder readinessChecks(List<ReadinessCheck> value) {
      this.readinessChecks = value;
      return this;
    }

    public Builder dependencies(Set<PathId> value) {
      this.dependencies = value;
      return this;
    }

    public Builder upgradeStrategy(UpgradeStrategy value) {
      this.upgradeStrategy = value;
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    public Builder acceptedResourceRoles(Set<String> value) {
      this.acceptedResourceRoles = value;
      return this;
    }

    public Builder role(String value) {
      this.role = value;
      return this;
    }

    public Builder killSelection(KillSelection value) {
      this.killSelection = value;
      return this;
    }

    public Builder unreachableStrategy(UnreachableStrategy value) {
      this.unreachableStrategy = value;
      return this;
    }

    public Builder taskKillGracePeriod(Duration value) {
      this.taskKillGracePeriod = value;
      return this;
    }

    public Builder networks(List<Network> value) {
      this.networks = value;
      return this;
    }

    public Builder versionInfo(VersionInfo value) {
      this.versionInfo = value;
      return this;
    }

    public AppDefinition build() {
      return new AppDefinition(
          id,
          cmd,
          args,
          user,
          env,
          secrets,
          instances,
          cpus,
          mem,
          disk,
          gpus,
          executor,
          constraints,
          fetch,
          storeUrls,
          portDefinitions,
          requirePorts,
          backoffStrategy,
          container,
          healthChecks,
          readinessChecks,
          dependencies,
          upgradeStrategy,
          labels,
          acceptedResourceRoles,
          role,
          killSelection,
          unreachableStrategy,
          taskKillGracePeriod,
          networks,
          versionInfo);
    }
  }
}
