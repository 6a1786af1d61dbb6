package io.dcos.kernel.master.config;

import io.dcos.kernel.master.allocation.Allocator;
import io.dcos.kernel.master.allocation.HierarchicalDrfAllocator;
import io.dcos.kernel.master.core.Master;
import io.dcos.kernel.master.election.Leadership;
import io.dcos.kernel.master.grpc.AgentChannelService;
import io.dcos.kernel.master.grpc.GrpcServer;
import io.dcos.kernel.master.grpc.LeaderHint;
import io.dcos.kernel.master.grpc.OperatorService;
import io.dcos.kernel.master.grpc.SchedulerService;
import io.dcos.kernel.master.registry.ZooKeeperRegistrar;
import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.DomainInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the master: ZooKeeper, election, registry, the core and its gRPC endpoints. */
@Configuration(proxyBeanMethods = false)
public class MasterConfiguration {
  /** The Mesos release whose semantics this master follows, reported to tools. */
  public static final String VERSION = "1.11.0";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ZooKeeperUrl zooKeeperUrl(MasterProperties properties) {
    return ZooKeeperUrl.parse(properties.zk());
  }

  @Bean
  MasterInfo masterInfo(MasterProperties p) {
    String hostname = p.advertisedHostname();
    MasterInfo.Builder b =
        MasterInfo.newBuilder()
            .setId(UUID.randomUUID().toString())
            .setIp(packedIp(p.ip()))
            .setPort(p.port())
            .setPid("master@" + p.ip() + ":" + p.port())
            .setHostname(hostname)
            .setVersion(VERSION)
            .setAddress(Address.newBuilder().setHostname(hostname).setIp(p.ip()).setPort(p.port()))
            .setGrpcPort(p.grpcPort());
    if (!p.region().isBlank()) {
      b.setDomain(
          DomainInfo.newBuilder()
              .setFaultDomain(
                  DomainInfo.FaultDomain.newBuilder()
                      .setRegion(DomainInfo.FaultDomain.RegionInfo.newBuilder().setName(p.region()))
                      .setZone(DomainInfo.FaultDomain.ZoneInfo.newBuilder().setName(p.zone()))));
    }
    return b.build();
  }

  /** Mesos packs the IPv4 address into a uint32 in network byte order read as little-endian. */
  static int packedIp(String ip) {
    try {
      byte[] b = InetAddress.getByName(ip).getAddress();
      if (b.length != 4) {
        return 0;
      }
      return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("mesos.master.ip '" + ip + "' is not an address", e);
    }
  }

  @Bean(destroyMethod = "close")
  CuratorFramework curator(ZooKeeperUrl url, MasterProperties p) {
    int session = (int) p.zkSessionTimeout().toMillis();
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs(session)
            .connectionTimeoutMs(Math.max(1000, session))
            .retryPolicy(new ExponentialBackoffRetry(100, 10, 2000))
            .build();
    client.start();
    return client;
  }

  @Bean(destroyMethod = "close")
  MasterDetector masterDetector(CuratorFramework curator, ZooKeeperUrl url) {
    return new MasterDetector(curator, url.path()).start();
  }

  @Bean
  AtomicReference<Leadership> leadershipHolder() {
    return new AtomicReference<>();
  }

  @Bean(destroyMethod = "close")
  ZooKeeperRegistrar registrar(
      CuratorFramework curator, ZooKeeperUrl url, AtomicReference<Leadership> leadershipHolder) {
    return new ZooKeeperRegistrar(
        curator,
        url.path(),
        () -> {
          Leadership l = leadershipHolder.get();
          return l == null ? null : l.fencingNode();
        });
  }

  /** A fresh allocator for each term of leadership. */
  @Bean
  Supplier<Allocator> allocators() {
    return HierarchicalDrfAllocator::new;
  }

  @Bean(destroyMethod = "shutdown")
  Master master(
      MasterProperties properties,
      Clock clock,
      ZooKeeperRegistrar registrar,
      MasterInfo masterInfo,
      Supplier<Allocator> allocators) {
    return new Master(properties, clock, registrar, masterInfo, allocators);
  }

  @Bean
  Leadership leadership(
      CuratorFramework curator,
      ZooKeeperUrl url,
      MasterInfo masterInfo,
      MasterDetector detector,
      Master master,
      AtomicReference<Leadership> leadershipHolder) {
    Leadership leadership = new Leadership(curator, url.path(), masterInfo, detector, master);
    leadershipHolder.set(leadership);
    return leadership;
  }

  @Bean
  LeaderHint leaderHint(MasterDetector detector) {
    return new LeaderHint(detector);
  }

  @Bean
  GrpcServer grpcServer(MasterProperties p, Master master, LeaderHint hint) {
    return new GrpcServer(
        new InetSocketAddress(p.ip(), p.grpcPort()),
        List.of(
            new SchedulerService(master, hint),
            new AgentChannelService(master, hint),
            new OperatorService(master, hint)));
  }
}
