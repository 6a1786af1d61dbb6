package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;

/**
 * Opens the framework's connection to the kernel; the production one finds masters in ZooKeeper.
 */
@FunctionalInterface
public interface KernelConnector {
  SchedulerClient connect(FrameworkInfo info, Scheduler scheduler);

  /** Connects through the masters' ZooKeeper URL, {@code zk://host:port/mesos}. */
  static KernelConnector zooKeeper(String url) {
    return (info, scheduler) ->
        SchedulerClient.builder(info, scheduler).zooKeeper(ZooKeeperUrl.parse(url)).start();
  }
}
