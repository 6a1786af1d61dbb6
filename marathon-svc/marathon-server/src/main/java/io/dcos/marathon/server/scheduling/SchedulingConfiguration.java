package io.dcos.marathon.server.scheduling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcos.marathon.server.config.FrameworkProperties;
import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.store.DeploymentRepository;
import io.dcos.marathon.server.store.FrameworkIdRepository;
import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.store.InstanceRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the scheduler; {@code marathon.scheduling.enabled=false} gives an API-only instance. */
@Configuration
@EnableConfigurationProperties(SchedulingProperties.class)
@ConditionalOnProperty(
    value = "marathon.scheduling.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class SchedulingConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KernelConnector kernelConnector(FrameworkProperties framework) {
    return KernelConnector.zooKeeper(framework.master());
  }

  @Bean(destroyMethod = "close")
  MarathonScheduler marathonScheduler(
      SchedulingProperties props,
      FrameworkProperties framework,
      GroupRepository groups,
      InstanceRepository instances,
      DeploymentRepository deployments,
      FrameworkIdRepository frameworkIds,
      TransactionTemplate tx,
      ObjectMapper mapper,
      EventBus bus,
      KernelConnector connector,
      Clock clock) {
    return new MarathonScheduler(
        props,
        framework,
        groups,
        instances,
        deployments,
        frameworkIds,
        tx,
        new InstanceRecords(mapper),
        new PlanRecords(mapper, groups),
        new SchedulerEvents(bus, clock),
        connector,
        clock);
  }
}
