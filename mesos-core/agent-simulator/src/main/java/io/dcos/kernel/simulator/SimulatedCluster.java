package io.dcos.kernel.simulator;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.tasks.TaskScript;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many {@link SimulatedAgent}s in one JVM against a real master: they share one gRPC channel to the
 * leading master (one HTTP/2 connection carrying a stream per agent) and one small scheduled pool,
 * so ten thousand agents cost memory, not threads. Follows the leader through ZooKeeper (or talks
 * to a fixed address); on a change of leader every agent reconnects to the new one, spread over
 * {@link SimulatorSettings#leaderChangeSpread()}, and re-registers with its tasks. Invariant: the
 * context's channel always points at the current leader, or is null when there is none.
 *
 * <pre>{@code
 * try (SimulatedCluster cluster =
 *     SimulatedCluster.builder()
 *         .zooKeeper(ZooKeeperUrl.parse("zk://127.0.0.1:2181/mesos"))
 *         .agents(10_000, AgentSpec.uniform("sim", "cpus:8;mem:16384;ports:[31000-32000]", "", 20))
 *         .taskScript(TaskScript.fromLabels())
 *         .start()) {
 *   cluster.agent(3).pause();
 * }
 * }</pre>
 */
public final class SimulatedCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedCluster.class);

  private final SimulationContext ctx;
  private final List<SimulatedAgent> agents = new CopyOnWriteArrayList<>();
  private final List<ManagedChannel> retiredChannels = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final boolean ownsPool;
  private final CuratorFramework ownedCurator;
  private final MasterDetector detector;
  private String channelTarget;
  private boolean closed;

  private SimulatedCluster(Builder b) {
    ScheduledExecutorService pool = b.pool;
    this.ownsPool = pool == null;
    if (pool == null) {
      AtomicInteger threads = new AtomicInteger();
      ScheduledThreadPoolExecutor stpe =
          new ScheduledThreadPoolExecutor(
              b.threads,
              r -> {
                Thread t = new Thread(r, "agent-simulator-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      stpe.setRemoveOnCancelPolicy(true);
      stpe.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      pool = stpe;
    }
    this.ctx = new SimulationContext(pool, b.settings, b.clock, b.script);
    if (b.fixedHost != null) {
      this.ownedCurator = null;
      this.detector = null;
      useLeader(Optional.of(b.fixedHost), b.fixedPort);
    } else if (b.curator != null) {
      this.ownedCurator = null;
      this.detector = new MasterDetector(b.curator, b.path);
    } else {
      this.ownedCurator =
          CuratorFrameworkFactory.newClient(
              b.zooKeeper.connectString(), new ExponentialBackoffRetry(200, 10, 5_000));
      ownedCurator.start();
      this.detector = new MasterDetector(ownedCurator, b.zooKeeper.path());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private SimulatedCluster startInternal(int count, IntFunction<AgentSpec> specs) {
    for (int i = 0; i < count; i++) {
      int index = nextIndex.getAndIncrement();
      agents.add(new SimulatedAgent(index, specs.apply(index), ctx));
    }
    if (detector != null) {
      detector.start();
      detector.addListener(this::leaderChanged);
    }
    agents.forEach(SimulatedAgent::start);
    return this;
  }

  /** Adds and starts one more agent. */
  public SimulatedAgent addAgent(AgentSpec spec) {
    SimulatedAgent a = new SimulatedAgent(nextIndex.getAndIncrement(), spec, ctx);
    agents.add(a);
    a.start();
    return a;
  }

  public List<SimulatedAgent> agents() {
    return List.copyOf(agents);
  }

  public SimulatedAgent agent(int index) {
    return agents.get(index);
  }

  /** How many agents are in {@code state}. */
  public long count(SimulatedAgent.State state) {
    return agents.stream().filter(a -> a.state() == state).count();
  }

  public Optional<SimulatedAgent> byHostname(String hostname) {
    return agents.stream().filter(a -> a.hostname().equals(hostname)).findFirst();
  }

  private void leaderChanged(Optional<MasterInfo> leader) {
    boolean changed;
    synchronized (this) {
      if (closed) {
        return;
      }
      changed =
          useLeader(
              leader.map(m -> m.getAddress().getIp()),
              leader.map(MasterInfo::getGrpcPort).orElse(0));
    }
    if (changed) {
      agents.forEach(SimulatedAgent::leaderChanged);
    }
  }

  /** Points the shared channel at the leader; true when the target changed. */
  private synchronized boolean useLeader(Optional<String> ip, int port) {
    String target = ip.map(i -> i + ":" + port).orElse(null);
    if (Objects.equals(target, channelTarget)) {
      return false;
    }
    ManagedChannel old = ctx.channel();
    ctx.channel(
        ip.map(
                i ->
                    NettyChannelBuilder.forAddress(i, port)
                        .usePlaintext()
                        .directExecutor()
                        .keepAliveTime(30, TimeUnit.SECONDS)
                        .build())
            .orElse(null));
    channelTarget = target;
    LOG.info("simulated agents now talk to {}", target == null ? "no master" : target);
    if (old != null) {
      // Agents cancel their streams on the old channel as they hear of the change.
      old.shutdown();
      retiredChannels.add(old);
      try {
        ctx.pool.schedule(old::shutdownNow, 10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        old.shutdownNow();
      }
    }
    return true;
  }

  /** Stops every agent (their streams end; the master will see them go unreachable). */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (detector != null) {
      detector.close();
    }
    agents.forEach(SimulatedAgent::close);
    ManagedChannel channel = ctx.channel();
    ctx.channel(null);
    if (ownsPool) {
      ctx.pool.shutdown();
      try {
        ctx.pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ctx.pool.shutdownNow();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    retiredChannels.forEach(ManagedChannel::shutdownNow);
    if (ownedCurator != null) {
      ownedCurator.close();
    }
  }

  /** Configures a {@link SimulatedCluster}; give one way to find the master. */
  public static final class Builder {
    private ZooKeeperUrl zooKeeper;
    private CuratorFramework curator;
    private String path;
    private String fixedHost;
    private int fixedPort;
    private int count;
    private IntFunction<AgentSpec> specs =
        AgentSpec.uniform("sim-agent", "cpus:4;mem:8192;disk:20000;ports:[31000-32000]", "", 0);
    private TaskScript script = TaskScript.fromLabels();
    private SimulatorSettings settings = SimulatorSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService pool;
    private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Follows the leader at {@code url} with a ZooKeeper session the cluster owns. */
    public Builder zooKeeper(ZooKeeperUrl url) {
      this.zooKeeper = url;
      return this;
    }

    /** Follows the leader under {@code mastersPath} with a started client the caller owns. */
    public Builder zooKeeper(CuratorFramework started, String mastersPath) {
      this.curator = started;
      this.path = mastersPath;
      return this;
    }

    /** Talks to one master's gRPC endpoint, without ZooKeeper. */
    public Builder master(String ip, int grpcPort) {
      this.fixedHost = ip;
      this.fixedPort = grpcPort;
      return this;
    }

    /** Starts {@code n} agents described by {@code specFor(index)}; hostnames must differ. */
    public Builder agents(int n, IntFunction<AgentSpec> specFor) {
      this.count = n;
      this.specs = specFor;
      return this;
    }

    public Builder agents(int n) {
      this.count = n;
      return this;
    }

    public Builder taskScript(TaskScript taskScript) {
      this.script = taskScript;
      return this;
    }

    public Builder settings(SimulatorSettings simulatorSettings) {
      this.settings = simulatorSettings;
      return this;
    }

    /** The clock stamped on status updates. */
    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /** Runs the agents on {@code shared}, which the caller owns and shuts down. */
    public Builder executor(ScheduledExecutorService shared) {
      this.pool = shared;
      return this;
    }

    /** Size of the pool the cluster creates when no executor is given. */
    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    public SimulatedCluster start() {
      int sources =
          (zooKeeper != null ? 1 : 0) + (curator != null ? 1 : 0) + (fixedHost != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalStateException(
            "give exactly one of zooKeeper(url), zooKeeper(curator, path) or master(ip, port)");
      }
      return new SimulatedCluster(this).startInternal(count, specs);
    }
  }
}
