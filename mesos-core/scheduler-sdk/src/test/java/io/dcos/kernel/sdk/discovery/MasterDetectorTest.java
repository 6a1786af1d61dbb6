package io.dcos.kernel.sdk.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.MasterInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;

/** The detector against a real ZooKeeper, as masters join and leave. */
class MasterDetectorTest {
  private static final String PATH = "/mesos";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void followsTheLowestMasterThroughLeaderChangesAndNoLeader() throws Exception {
    try (TestingServer zk =
            new TestingServer(
                new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, "127.1.90.1"), true);
        CuratorFramework masters = client(zk);
        CuratorFramework follower = client(zk);
        MasterDetector detector = new MasterDetector(follower, PATH).start()) {
      List<Optional<MasterInfo>> heard = new CopyOnWriteArrayList<>();
      detector.addListener(heard::add);
      assertThat(detector.leader()).isEmpty();

      String first = join(masters, "m1", 5050);
      await().atMost(WAIT).until(() -> detector.leader().map(MasterInfo::getId), isPresent("m1"));
      join(masters, "m2", 5051);

      masters.delete().forPath(first);
      await().atMost(WAIT).until(() -> detector.leader().map(MasterInfo::getId), isPresent("m2"));
      assertThat(detector.leaderZnode())
          .hasValueSatisfying(z -> assertThat(z).startsWith("json.info_"));

      masters.delete().deletingChildrenIfNeeded().forPath(PATH);
      await().atMost(WAIT).until(() -> detector.leader().isEmpty());
      assertThat(heard)
          .as("every change is heard once, in order")
          .extracting(l -> l.map(MasterInfo::getId).orElse("none"))
          .containsExactly("none", "m1", "m2", "none");
    }
  }

  private static java.util.function.Predicate<Optional<String>> isPresent(String id) {
    return v -> v.equals(Optional.of(id));
  }

  private static String join(CuratorFramework client, String id, int port) throws Exception {
    MasterInfo info =
        MasterInfo.newBuilder()
            .setId(id)
            .setPort(port)
            .setAddress(Address.newBuilder().setIp("127.1.90.2").setPort(port))
            .build();
    return client
        .create()
        .creatingParentContainersIfNeeded()
        .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath(PATH + "/" + MasterInfoCodec.ZNODE_PREFIX, MasterInfoCodec.encode(info));
  }

  private static CuratorFramework client(TestingServer zk) {
    CuratorFramework c =
        CuratorFrameworkFactory.newClient(zk.getConnectString(), new RetryOneTime(100));
    c.start();
    return c;
  }
}
