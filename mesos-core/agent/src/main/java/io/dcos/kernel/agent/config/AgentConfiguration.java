package io.dcos.kernel.agent.config;

import io.dcos.kernel.agent.containers.Containerizer;
import io.dcos.kernel.agent.core.Agent;
import io.dcos.kernel.agent.core.Fetching;
import io.dcos.kernel.agent.core.HealthChecking;
import io.dcos.kernel.agent.http.SandboxFiles;
import io.dcos.kernel.agent.resources.ResourceDetector;
import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.DomainInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the agent: its identity and resources, master detection, and the agent core. */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {
  /** The Mesos release whose semantics this agent follows, reported to tools. */
  public static final String VERSION = "1.11.0";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Path workDir(AgentProperties p) {
    Path dir = Path.of(p.workDir()).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the agent's work_dir " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  @Bean
  AgentInfo agentInfo(AgentProperties p, Path workDir) {
    Resources resources;
    try {
      resources = ResourceDetector.detect(p.resources(), ResourceDetector.readMachine(workDir));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--resources: " + e.getMessage(), e);
    }
    AgentInfo.Builder info =
        AgentInfo.newBuilder()
            .setHostname(p.advertisedHostname())
            .setPort(p.port())
            .addAllResources(ResourceConverter.toProto(resources));
    try {
      info.addAllAttributes(AttributeText.parse(p.attributes()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--attributes: " + e.getMessage(), e);
    }
    if (!p.region().isBlank()) {
      info.setDomain(
          DomainInfo.newBuilder()
              .setFaultDomain(
                  DomainInfo.FaultDomain.newBuilder()
                      .setRegion(DomainInfo.FaultDomain.RegionInfo.newBuilder().setName(p.region()))
                      .setZone(DomainInfo.FaultDomain.ZoneInfo.newBuilder().setName(p.zone()))));
    }
    return info.build();
  }

  @Bean(destroyMethod = "close")
  CuratorFramework curator(AgentProperties p) {
    ZooKeeperUrl url = ZooKeeperUrl.parse(p.master());
    int session = (int) p.zkSessionTimeout().toMillis();
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs(session)
            .connectionTimeoutMs(Math.min(session, 5000))
            .retryPolicy(new ExponentialBackoffRetry(100, 10, 2000))
            .build();
    client.start();
    return client;
  }

  @Bean(destroyMethod = "close")
  MasterDetector masterDetector(CuratorFramework curator, AgentProperties p) {
    return new MasterDetector(curator, ZooKeeperUrl.parse(p.master()).path()).start();
  }

  @Bean(destroyMethod = "close")
  Agent agent(
      AgentProperties p,
      AgentInfo info,
      Path workDir,
      Clock clock,
      MasterDetector detector,
      Containerizer containerizer,
      Fetching fetching,
      HealthChecking healthChecking) {
    return new Agent(
        new Agent.Identity(info, p.port(), workDir, VERSION),
        clock,
        p.statusUpdateRetry(),
        p.statusUpdateMaxRetry(),
        p.registrationBackoff(),
        p.defaultKillGracePeriod(),
        detector,
        containerizer,
        fetching,
        healthChecking);
  }

  @Bean
  SandboxFiles sandboxFiles(Path workDir) {
    return new SandboxFiles(workDir);
  }

  /** Starts the agent once its HTTP server listens. */
  @Bean
  SmartLifecycle agentStarter(Agent agent) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        agent.start();
        running = true;
      }

      @Override
      public void stop() {
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE - 100;
      }
    };
  }
}
