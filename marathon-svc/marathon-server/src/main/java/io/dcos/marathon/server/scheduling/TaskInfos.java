package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.DiscoveryInfo;
import io.dcos.kernel.protocol.DurationInfo;
import io.dcos.kernel.protocol.Environment;
import io.dcos.kernel.protocol.HealthCheck;
import io.dcos.kernel.protocol.KillPolicy;
import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.Port;
import io.dcos.kernel.protocol.Ports;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.Value;
import io.dcos.kernel.protocol.Volume;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.Container;
import io.dcos.marathon.core.model.EnvVarValue;
import io.dcos.marathon.core.model.FetchUri;
import io.dcos.marathon.core.placement.ResourceTake;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the kernel's {@link TaskInfo} for an instance of an app: exactly the matched resources
 * (copied from the offer so reservations and allocation stay intact), the command or Docker
 * container, fetch URIs, Marathon's task environment, all of the app's health checks for the agent
 * to run, and the kill grace period.
 */
final class TaskInfos {
  private TaskInfos() {}

  static TaskInfo build(
      AppDefinition app, Instance instance, Offer offer, List<ResourceTake> takes) {
    TaskInfo.Builder task =
        TaskInfo.newBuilder()
            .setName(app.id().hostname().isEmpty() ? "app" : app.id().hostname())
            .setTaskId(TaskID.newBuilder().setValue(instance.taskId()))
            .setAgentId(AgentID.newBuilder().setValue(instance.agent().agentId()))
            .addAllResources(resources(offer, takes))
            .setCommand(command(app, instance));
    if (!app.labels().isEmpty()) {
      Labels.Builder labels = Labels.newBuilder();
      app.labels().forEach((k, v) -> labels.addLabels(Label.newBuilder().setKey(k).setValue(v)));
      task.setLabels(labels);
    }
    container(app).ifPresent(task::setContainer);
    List<HealthCheck> checks =
        app.healthChecks().stream()
            .flatMap(check -> healthCheck(check, instance.hostPorts()).stream())
            .toList();
    if (!checks.isEmpty()) {
      task.setHealthCheck(checks.get(0))
          .addAllAdditionalHealthChecks(checks.subList(1, checks.size()));
    }
    if (app.taskKillGracePeriod() != null) {
      task.setKillPolicy(
          KillPolicy.newBuilder()
              .setGracePeriod(
                  DurationInfo.newBuilder().setNanoseconds(app.taskKillGracePeriod().toNanos())));
    }
    Ports.Builder ports = Ports.newBuilder();
    List<String> names = ResourceRequests.portNames(app);
    for (int i = 0; i < instance.hostPorts().size(); i++) {
      Port.Builder p = Port.newBuilder().setNumber(instance.hostPorts().get(i)).setProtocol("tcp");
      if (i < names.size() && names.get(i) != null) {
        p.setName(names.get(i));
      }
      ports.addPorts(p);
    }
    task.setDiscovery(
        DiscoveryInfo.newBuilder()
            .setVisibility(DiscoveryInfo.Visibility.FRAMEWORK)
            .setName(app.id().hostname())
            .setPorts(ports));
    return task.build();
  }

  private static List<Resource> resources(Offer offer, List<ResourceTake> takes) {
    return takes.stream()
        .map(
            take -> {
              String name =
                  take instanceof ResourceTake.Scalar s ? s.kind().resourceName() : "ports";
              Resource template =
                  offer.getResourcesList().stream()
                      .filter(r -> r.getName().equals(name))
                      .filter(r -> ResourceConverter.roleOf(r).equals(take.role()))
                      .findFirst()
                      .orElseThrow(() -> new IllegalStateException("no " + name + " in offer"));
              Resource.Builder r = template.toBuilder();
              if (take instanceof ResourceTake.Scalar s) {
                r.setScalar(Value.Scalar.newBuilder().setValue(s.amount()));
              } else {
                int port = ((ResourceTake.Port) take).port();
                r.setRanges(
                    Value.Ranges.newBuilder()
                        .addRange(Value.Range.newBuilder().setBegin(port).setEnd(port)));
              }
              return r.build();
            })
        .toList();
  }

  private static CommandInfo command(AppDefinition app, Instance instance) {
    CommandInfo.Builder cmd = CommandInfo.newBuilder();
    if (app.cmd() != null) {
      cmd.setShell(true).setValue(app.cmd());
    } else if (!app.args().isEmpty()) {
      cmd.setShell(false).addAllArguments(app.args());
      if (!isDocker(app)) {
        cmd.setValue(app.args().get(0));
      }
    } else {
      cmd.setShell(false);
    }
    if (app.user() != null) {
      cmd.setUser(app.user());
    }
    for (FetchUri f : app.fetch()) {
      CommandInfo.URI.Builder uri =
          CommandInfo.URI
              .newBuilder()
              .setValue(f.uri())
              .setExtract(f.extract())
              .setExecutable(f.executable())
              .setCache(f.cache());
      if (f.destPath() != null) {
        uri.setOutputFile(f.destPath());
      }
      cmd.addUris(uri);
    }
    Environment.Builder env = Environment.newBuilder();
    environment(app, instance)
        .forEach(
            (k, v) -> env.addVariables(Environment.Variable.newBuilder().setName(k).setValue(v)));
    return cmd.setEnvironment(env).build();
  }

  /** Marathon's task environment, then the app's own variables (which win). */
  static Map<String, String> environment(AppDefinition app, Instance instance) {
    Map<String, String> env = new LinkedHashMap<>();
    List<Integer> ports = instance.hostPorts();
    List<String> names = ResourceRequests.portNames(app);
    List<Integer> servicePorts = ResourceRequests.servicePorts(app);
    for (int i = 0; i < ports.size(); i++) {
      String port = Integer.toString(ports.get(i));
      env.put("PORT" + i, port);
      if (i < servicePorts.size() && servicePorts.get(i) != null && servicePorts.get(i) > 0) {
        env.put("PORT_" + servicePorts.get(i), port);
      }
      if (i < names.size() && names.get(i) != null && !names.get(i).isEmpty()) {
        env.put("PORT_" + envName(names.get(i)), port);
      }
    }
    if (!ports.isEmpty()) {
      env.put("PORT", Integer.toString(ports.get(0)));
      env.put("PORTS", ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    env.put("HOST", instance.agent().hostname());
    env.put("MARATHON_APP_ID", app.id().toString());
    env.put("MARATHON_APP_VERSION", app.version() == null ? "" : app.version().toString());
    env.put("MARATHON_APP_RESOURCE_CPUS", Double.toString(app.cpus()));
    env.put("MARATHON_APP_RESOURCE_MEM", Double.toString(app.mem()));
    env.put("MARATHON_APP_RESOURCE_DISK", Double.toString(app.disk()));
    env.put("MARATHON_APP_RESOURCE_GPUS", Integer.toString(app.gpus()));
    if (isDocker(app)) {
      env.put("MARATHON_APP_DOCKER_IMAGE", app.container().docker().image());
    }
    env.put(
        "MARATHON_APP_LABELS", String.join(" ", app.labels().keySet().stream().sorted().toList()));
    app.labels().forEach((k, v) -> env.put("MARATHON_APP_LABEL_" + envName(k), v));
    app.env()
        .forEach(
            (k, v) -> {
              if (v instanceof EnvVarValue.Literal l) {
                env.put(k, l.value());
              }
            });
    return env;
  }

  private static String envName(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  private static boolean isDocker(AppDefinition app) {
    return app.container() != null
        && app.container().type() == Container.ContainerType.DOCKER
        && app.container().docker() != null;
  }

  private static java.util.Optional<ContainerInfo> container(AppDefinition app) {
    if (!isDocker(app)) {
      return java.util.Optional.empty();
    }
    var docker = app.container().docker();
    ContainerInfo.DockerInfo.Builder d =
        ContainerInfo.DockerInfo.newBuilder()
            .setImage(docker.image())
            // Tasks share the host's network: the cluster runs without a Docker bridge.
            .setNetwork(ContainerInfo.DockerInfo.Network.HOST)
            .setPrivileged(docker.privileged())
            .setForcePullImage(docker.forcePullImage());
    docker
        .parameters()
        .forEach(
            p ->
                d.addParameters(
                    io.dcos.kernel.protocol.Parameter.newBuilder()
                        .setKey(p.key())
                        .setValue(p.value())));
    ContainerInfo.Builder c =
        ContainerInfo.newBuilder().setType(ContainerInfo.Type.DOCKER).setDocker(d);
    for (var v : app.container().volumes()) {
      if (v.hostPath() != null) {
        c.addVolumes(
            Volume.newBuilder()
                .setContainerPath(v.containerPath())
                .setHostPath(v.hostPath())
                .setMode(
                    v.mode() == io.dcos.marathon.core.model.Volume.VolumeMode.RO
                        ? Volume.Mode.RO
                        : Volume.Mode.RW));
      }
    }
    return java.util.Optional.of(c.build());
  }

  /** The kernel health check for Marathon's, probing the instance's host ports. */
  static java.util.Optional<HealthCheck> healthCheck(
      io.dcos.marathon.core.model.HealthCheck check, List<Integer> hostPorts) {
    HealthCheck.Builder hc =
        HealthCheck.newBuilder()
            .setDelaySeconds(seconds(check.delay()))
            .setIntervalSeconds(seconds(check.interval()))
            .setTimeoutSeconds(seconds(check.timeout()))
            .setConsecutiveFailures(check.maxConsecutiveFailures())
            .setGracePeriodSeconds(seconds(check.gracePeriod()));
    Integer port = check.port();
    if (port == null && check.portIndex() != null && check.portIndex() < hostPorts.size()) {
      port = hostPorts.get(check.portIndex());
    }
    switch (check.protocol()) {
      case COMMAND -> {
        if (check.command() == null) {
          return java.util.Optional.empty();
        }
        hc.setType(HealthCheck.Type.COMMAND)
            .setCommand(CommandInfo.newBuilder().setShell(true).setValue(check.command()));
      }
      case TCP, MESOS_TCP -> {
        if (port == null) {
          return java.util.Optional.empty();
        }
        hc.setType(HealthCheck.Type.TCP)
            .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(port));
      }
      default -> {
        if (port == null) {
          return java.util.Optional.empty();
        }
        boolean https =
            check.protocol() == io.dcos.marathon.core.model.HealthCheck.HealthCheckProtocol.HTTPS
                || check.protocol()
                    == io.dcos.marathon.core.model.HealthCheck.HealthCheckProtocol.MESOS_HTTPS;
        hc.setType(HealthCheck.Type.HTTP)
            .setHttp(
                HealthCheck.HTTPCheckInfo.newBuilder()
                    .setScheme(https ? "https" : "http")
                    .setPort(port)
                    .setPath(check.path() == null ? "/" : check.path()));
      }
    }
    return java.util.Optional.of(hc.build());
  }

  private static double seconds(Duration d) {
    return d == null ? 0 : d.toMillis() / 1000.0;
  }
}
