package io.dcos.kernel.master.registry;

import com.google.protobuf.Message;
import io.dcos.kernel.protocol.operator.Registry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in ZooKeeper, one znode per agent, framework, weight and quota under {@code
 * <path>/registry}, so it grows past ZooKeeper's one-megabyte node limit. Operations are written in
 * batches by one writer thread as ZooKeeper transactions that also check this master's own leader
 * znode exists: a master that lost its session cannot overwrite the new leader's data.
 */
public final class ZooKeeperRegistrar implements Registrar, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperRegistrar.class);
  private static final int MAX_BATCH_OPS = 200;

  private record Pending(RegistryOperation operation, CompletableFuture<Void> done) {}

  private final CuratorFramework client;
  private final String root;
  private final Supplier<String> fencingNode;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Set<String> existing = new HashSet<>();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param fencingNode full path of this master's leader znode; every write checks it exists
   */
  public ZooKeeperRegistrar(CuratorFramework client, String zkPath, Supplier<String> fencingNode) {
    this.client = client;
    this.root = zkPath + "/registry";
    this.fencingNode = fencingNode;
    this.writer = new Thread(this::writeLoop, "registry-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  @Override
  public Registry recover() throws Exception {
    Registry.Builder registry = Registry.newBuilder();
    synchronized (existing) {
      existing.clear();
      for (String dir : List.of("agents", "frameworks", "weights", "quotas")) {
        client.createContainers(root + "/" + dir);
        for (String child : client.getChildren().forPath(root + "/" + dir)) {
          String path = root + "/" + dir + "/" + child;
          byte[] data;
          try {
            data = client.getData().forPath(path);
          } catch (KeeperException.NoNodeException gone) {
            continue;
          }
          existing.add(path);
          switch (dir) {
            case "agents" -> registry.addAgents(Registry.Agent.parseFrom(data));
            case "frameworks" -> registry.addFrameworks(Registry.Framework.parseFrom(data));
            case "weights" -> registry.addWeights(Registry.Weight.parseFrom(data));
            default -> registry.addQuotas(Registry.Quota.parseFrom(data));
          }
        }
      }
    }
    return registry.build();
  }

  @Override
  public CompletableFuture<Void> apply(RegistryOperation operation) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("registry is closed"));
    } else {
      queue.add(new Pending(operation, done));
    }
    return done;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH_OPS - 1);
        write(batch);
        batch.forEach(p -> p.done().complete(null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn("registry write of {} operations failed: {}", batch.size(), e.toString());
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  private void write(List<Pending> batch) throws Exception {
    String fence = fencingNode.get();
    if (fence == null) {
      throw new IllegalStateException("this master is not the leader; registry writes refused");
    }
    synchronized (existing) {
      List<CuratorOp> ops = new ArrayList<>();
      ops.add(client.transactionOp().check().forPath(fence));
      Set<String> created = new HashSet<>();
      Set<String> deleted = new HashSet<>();
      for (Pending p : batch) {
        addOps(p.operation(), ops, created, deleted);
      }
      client.transaction().forOperations(ops);
      existing.addAll(created);
      existing.removeAll(deleted);
    }
  }

  private void addOps(
      RegistryOperation op, List<CuratorOp> ops, Set<String> created, Set<String> deleted)
      throws Exception {
    if (op instanceof RegistryOperation.PutAgent a) {
      put(ops, created, deleted, "agents", a.agent().getInfo().getId().getValue(), a.agent());
    } else if (op instanceof RegistryOperation.RemoveAgent a) {
      delete(ops, created, deleted, "agents", a.agentId());
    } else if (op instanceof RegistryOperation.PutFramework f) {
      put(
          ops,
          created,
          deleted,
          "frameworks",
          f.framework().getInfo().getId().getValue(),
          f.framework());
    } else if (op instanceof RegistryOperation.RemoveFramework f) {
      delete(ops, created, deleted, "frameworks", f.frameworkId());
    } else if (op instanceof RegistryOperation.PutWeight w) {
      put(ops, created, deleted, "weights", w.weight().getRole(), w.weight());
    } else if (op instanceof RegistryOperation.PutQuota q) {
      put(ops, created, deleted, "quotas", q.quota().getRole(), q.quota());
    } else if (op instanceof RegistryOperation.RemoveQuota q) {
      delete(ops, created, deleted, "quotas", q.role());
    }
  }

  private void put(
      List<CuratorOp> ops,
      Set<String> created,
      Set<String> deleted,
      String dir,
      String name,
      Message value)
      throws Exception {
    String path = root + "/" + dir + "/" + encode(name);
    boolean exists = (existing.contains(path) || created.contains(path)) && !deleted.contains(path);
    if (exists) {
      ops.add(client.transactionOp().setData().forPath(path, value.toByteArray()));
    } else {
      ops.add(client.transactionOp().create().forPath(path, value.toByteArray()));
      created.add(path);
      deleted.remove(path);
    }
  }

  private void delete(
      List<CuratorOp> ops, Set<String> created, Set<String> deleted, String dir, String name)
      throws Exception {
    String path = root + "/" + dir + "/" + encode(name);
    boolean exists = (existing.contains(path) || created.contains(path)) && !deleted.contains(path);
    if (exists) {
      ops.add(client.transactionOp().delete().forPath(path));
      deleted.add(path);
      created.remove(path);
    }
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(new IllegalStateException("registry is closed"));
    }
  }
}
