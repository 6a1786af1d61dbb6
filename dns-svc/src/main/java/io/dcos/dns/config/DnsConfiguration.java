package io.dcos.dns.config;

import io.dcos.dns.cluster.ClusterFollower;
import io.dcos.dns.metrics.DnsMetrics;
import io.dcos.dns.records.NameScheme;
import io.dcos.dns.records.RecordSet;
import io.dcos.dns.resolver.QueryStats;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.dns.resolver.Resolver;
import io.dcos.dns.server.DnsServer;
import io.dcos.dns.upstream.UpstreamForwarder;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the record store, resolver, listeners and cluster follower from {@link DnsProperties}. */
@Configuration
@EnableConfigurationProperties(DnsProperties.class)
public class DnsConfiguration {

  @Bean
  WebServerFactoryCustomizer<ConfigurableWebServerFactory> httpPort(DnsProperties p) {
    return f -> {
      f.setPort(p.httpPort());
      try {
        f.setAddress(InetAddress.getByName(p.listenIp()));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("dns.listen-ip: " + e.getMessage(), e);
      }
    };
  }

  @Bean
  NameScheme nameScheme(DnsProperties p) {
    return new NameScheme(p.domain());
  }

  @Bean
  RecordStore recordStore(NameScheme scheme) {
    return new RecordStore(RecordSet.empty(scheme.domain()));
  }

  @Bean
  QueryStats queryStats() {
    return new QueryStats();
  }

  @Bean
  Resolver resolver(RecordStore store, DnsProperties p, QueryStats stats) {
    return new Resolver(
        store,
        new UpstreamForwarder(p.resolvers(), p.timeout()),
        new Resolver.Settings(p.ttl(), p.nameServerIp(), p.soaRname(), p.ednsSize()),
        stats);
  }

  @Bean
  DnsMetrics dnsMetrics(QueryStats stats, RecordStore store, ClusterFollower follower) {
    return new DnsMetrics(stats, store, follower);
  }

  @Bean(destroyMethod = "close")
  DnsServer dnsServer(Resolver resolver, DnsProperties p) throws IOException {
    return new DnsServer(
            resolver,
            new InetSocketAddress(p.listenIp(), p.port()),
            p.threads(),
            Duration.ofSeconds(10))
        .start();
  }

  @Bean(destroyMethod = "close")
  CuratorFramework curator(DnsProperties p) {
    ZooKeeperUrl url = ZooKeeperUrl.parse(p.zk());
    CuratorFramework c =
        CuratorFrameworkFactory.newClient(
            url.connectString(),
            (int) p.zkSessionTimeout().toMillis(),
            3_000,
            new ExponentialBackoffRetry(200, 10, 2_000));
    c.start();
    return c;
  }

  @Bean(destroyMethod = "close")
  ClusterFollower clusterFollower(
      CuratorFramework curator, DnsProperties p, NameScheme scheme, RecordStore store) {
    return new ClusterFollower(
            curator, ZooKeeperUrl.parse(p.zk()).path(), scheme, store, p.resubscribeDelay())
        .start();
  }
}
