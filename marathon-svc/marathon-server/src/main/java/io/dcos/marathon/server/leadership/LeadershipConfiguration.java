package io.dcos.marathon.server.leadership;

import io.dcos.marathon.server.config.HttpProperties;
import io.dcos.marathon.server.config.ZooKeeperProperties;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ZooKeeper client and leader election. The instance joins the election once its HTTP server
 * listens, so a leader can always be reached by the standbys that proxy to it.
 */
@Configuration(proxyBeanMethods = false)
public class LeadershipConfiguration {
  @Bean(initMethod = "start", destroyMethod = "close")
  CuratorFramework curator(ZooKeeperProperties zk) {
    return CuratorFrameworkFactory.builder()
        .connectString(zk.connectString())
        .sessionTimeoutMs((int) zk.sessionTimeout().toMillis())
        .connectionTimeoutMs((int) zk.connectionTimeout().toMillis())
        .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
        .build();
  }

  @Bean(destroyMethod = "close")
  LeaderElection leaderElection(
      CuratorFramework curator,
      ZooKeeperProperties zk,
      ObjectProvider<LeadershipListener> listeners) {
    return new LeaderElection(curator, zk, () -> listeners.orderedStream().toList());
  }

  @Bean
  ApplicationListener<WebServerInitializedEvent> joinElectionWhenListening(
      LeaderElection election, HttpProperties http) {
    return event -> {
      try {
        election.start(http.advertised(event.getWebServer().getPort()));
      } catch (Exception e) {
        throw new IllegalStateException("could not join the leader election", e);
      }
    };
  }
}
