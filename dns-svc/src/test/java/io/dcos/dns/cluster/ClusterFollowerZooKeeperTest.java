package io.dcos.dns.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.dns.records.NameScheme;
import io.dcos.dns.records.RecordSet;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterInfoCodec;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follower against a real ZooKeeper server, without masters behind the znodes: the masters'
 * names follow their {@code json.info_} znodes, survive a lost session and are re-read after it.
 */
class ClusterFollowerZooKeeperTest {
  TestingServer zk;
  CuratorFramework follower;
  CuratorFramework masters;
  RecordStore store;
  ClusterFollower dns;

  @BeforeEach
  void start() throws Exception {
    zk =
        new TestingServer(
            new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, "127.1.54.2"), true);
    masters =
        CuratorFrameworkFactory.newClient(
            zk.getConnectString(), 4_000, 2_000, new ExponentialBackoffRetry(100, 3));
    masters.start();
    follower =
        CuratorFrameworkFactory.newClient(
            zk.getConnectString(), 1_000, 1_000, new ExponentialBackoffRetry(100, 3));
    follower.start();
    store = new RecordStore(RecordSet.empty("mesos"));
    dns =
        new ClusterFollower(
                follower, "/mesos", new NameScheme("mesos"), store, Duration.ofMillis(100))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    dns.close();
    follower.close();
    masters.close();
    zk.close();
  }

  void contend(String ip) throws Exception {
    MasterInfo info =
        MasterInfo.newBuilder()
            .setId(ip)
            .setPort(5050)
            .setGrpcPort(5060)
            .setAddress(Address.newBuilder().setIp(ip).setPort(5050))
            .build();
    masters
        .create()
        .creatingParentContainersIfNeeded()
        .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath("/mesos/" + MasterInfoCodec.ZNODE_PREFIX, MasterInfoCodec.encode(info));
  }

  List<String> a(String name) {
    return store.current().records().a(name);
  }

  @Test
  void mastersSurviveALostSessionAndAreReadAgainAfterIt() throws Exception {
    contend("127.1.54.11");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a("leader.mesos").equals(List.of("127.1.54.11")));
    contend("127.1.54.12");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a("master.mesos").equals(List.of("127.1.54.11", "127.1.54.12")));

    zk.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> dns.sessionsLost() == 1);
    assertThat(a("master.mesos")).containsExactly("127.1.54.11", "127.1.54.12");
    assertThat(a("leader.mesos")).containsExactly("127.1.54.11");

    zk.restart();
    contend("127.1.54.13");
    await().atMost(Duration.ofSeconds(10)).until(() -> a("master.mesos").contains("127.1.54.13"));
  }
}
