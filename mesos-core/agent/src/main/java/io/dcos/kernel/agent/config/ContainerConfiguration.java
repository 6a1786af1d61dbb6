package io.dcos.kernel.agent.config;

import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.containers.Containerizers;
import io.dcos.kernel.agent.containers.docker.DockerClients;
import io.dcos.kernel.agent.containers.docker.DockerContainerizer;
import io.dcos.kernel.agent.containers.docker.DockerContainerizerConfig;
import io.dcos.kernel.agent.containers.process.ProcessContainerizer;
import io.dcos.kernel.agent.containers.process.ProcessContainerizerConfig;
import io.dcos.kernel.agent.containers.process.cgroups.CgroupsDetector;
import io.dcos.kernel.agent.core.Fetching;
import io.dcos.kernel.agent.core.HealthChecking;
import io.dcos.kernel.agent.fetcher.Fetcher;
import io.dcos.kernel.agent.health.TaskHealthChecks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's containerizers (in the order of {@code --containerizers}), the fetcher and the health
 * checkers, adapted to the ports the agent core uses.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerConfiguration {

  @Bean
  Containerizer containerizer(AgentProperties p, Path workDir) {
    List<Containerizer> list = new ArrayList<>();
    for (String name : p.containerizers()) {
      switch (name.trim()) {
        case "mesos" ->
            list.add(
                new ProcessContainerizer(
                    ProcessContainerizerConfig.defaults(
                        workDir.resolve("containers"), CgroupsDetector.detect(p.cgroupsRoot()))));
        case "docker" ->
            list.add(
                new DockerContainerizer(
                    DockerClients.connect(p.dockerSocket()), DockerContainerizerConfig.defaults()));
        default ->
            throw new IllegalArgumentException(
                "--containerizers: unknown containerizer '" + name + "'; use mesos and/or docker");
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("--containerizers must name mesos, docker or both");
    }
    return new Containerizers(list);
  }

  @Bean
  Fetching fetching() {
    Fetcher fetcher = Fetcher.withDefaults(Duration.ofMinutes(5));
    return (uris, sandbox) -> {
      for (var uri : uris) {
        fetcher.fetch(uri, sandbox);
      }
    };
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService healthCheckScheduler() {
    return Executors.newScheduledThreadPool(
        2,
        r -> {
          Thread t = new Thread(r, "health-checks");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  HealthChecking healthChecking(ScheduledExecutorService healthCheckScheduler, Clock clock) {
    return (task, container, host, listener) ->
        TaskHealthChecks.start(
            task, container, host, healthCheckScheduler, clock, listener::health);
  }
}
