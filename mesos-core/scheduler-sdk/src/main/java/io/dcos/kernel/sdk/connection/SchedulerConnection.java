package io.dcos.kernel.sdk.connection;

import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.CallBatch;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.protocol.scheduler.EventBatch;
import io.dcos.kernel.protocol.scheduler.SchedulerGrpc;
import io.dcos.kernel.sdk.NotSubscribedException;
import io.dcos.kernel.sdk.calls.Calls;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one framework subscribed to the leading master: follows the leader through a {@link
 * MasterDetector}, subscribes, and after any lost stream, silent stream or change of leader
 * subscribes again with the framework id the master gave the first time, after a backoff. State
 * changes only on the single {@code loop} thread. Invariant: at most one stream is current; events
 * of older streams are dropped, and calls are only sent on a stream that answered SUBSCRIBED.
 */
public final class SchedulerConnection implements AutoCloseable {
  /** Hears the subscription's life on the connection's loop thread; must not block. */
  public interface Listener {
    /** Every event but HEARTBEAT, in the master's order, SUBSCRIBED included. */
    void event(Event event);

    /** A subscribed stream was lost. */
    void disconnected(String reason);
  }

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerConnection.class);

  private final MasterDetector detector;
  private final ScheduledExecutorService loop;
  private final ConnectionSettings settings;
  private final Listener listener;
  private final Backoff backoff;
  private volatile FrameworkInfo frameworkInfo;
  private volatile List<String> suppressedRoles = List.of();
  private volatile FrameworkID frameworkId;
  private volatile ClientStream<Call, Event> subscribedSession;
  private volatile MasterInfo subscribedMaster;

  // Loop-thread state.
  private Optional<MasterInfo> leader = Optional.empty();
  private ManagedChannel channel;
  private String channelTarget;
  private ClientStream<Call, Event> session;
  private HeartbeatWatch watch;
  private ScheduledFuture<?> reconnect;
  private ScheduledFuture<?> liveness;
  private boolean stopped;
  private boolean closed;

  public SchedulerConnection(
      MasterDetector detector,
      FrameworkInfo frameworkInfo,
      ConnectionSettings settings,
      ScheduledExecutorService loop,
      Listener listener) {
    this.detector = detector;
    this.frameworkInfo = frameworkInfo;
    this.settings = settings;
    this.loop = loop;
    this.listener = listener;
    this.backoff =
        new Backoff(settings.minBackoff(), settings.maxBackoff(), ThreadLocalRandom.current());
    if (frameworkInfo.hasId() && !frameworkInfo.getId().getValue().isEmpty()) {
      this.frameworkId = frameworkInfo.getId();
    }
  }

  /** Starts following the leader and subscribing. */
  public void start() {
    long period = settings.livenessCheckPeriod().toNanos();
    loop.execute(
        () ->
            liveness =
                loop.scheduleAtFixedRate(
                    this::checkLiveness, period, period, TimeUnit.NANOSECONDS));
    detector.addListener(l -> loop.execute(() -> leaderChanged(l)));
  }

  /** The framework id the master gave, once subscribed at least once. */
  public Optional<FrameworkID> frameworkId() {
    return Optional.ofNullable(frameworkId);
  }

  public boolean isSubscribed() {
    ClientStream<Call, Event> s = subscribedSession;
    return s != null && !s.isDone();
  }

  /** The master this framework is subscribed to, if any. */
  public Optional<MasterInfo> master() {
    return isSubscribed() ? Optional.ofNullable(subscribedMaster) : Optional.empty();
  }

  /**
   * Sends a call on the subscribed stream, stamped with the framework id. Safe from any thread.
   *
   * @throws NotSubscribedException when there is no subscribed stream; the call was not sent
   */
  public void send(Call call) {
    ClientStream<Call, Event> s = subscribedSession;
    FrameworkID id = frameworkId;
    if (s == null || id == null) {
      throw new NotSubscribedException(
          "framework is not subscribed to a leading master; " + call.getType() + " not sent");
    }
    if (!s.send(call.toBuilder().setFrameworkId(id).build())) {
      throw new NotSubscribedException(
          "the stream to " + s.target() + " has ended; " + call.getType() + " not sent");
    }
  }

  /** The framework info to use from the next (re-)subscription on. */
  public void updateFrameworkInfo(FrameworkInfo info, List<String> suppressed) {
    this.frameworkInfo = info;
    this.suppressedRoles = List.copyOf(suppressed);
  }

  /** Stops re-subscribing (after TEARDOWN); the current stream stays until the master ends it. */
  public void stopResubscribing() {
    loop.execute(() -> stopped = true);
  }

  private void leaderChanged(Optional<MasterInfo> next) {
    if (closed) {
      return;
    }
    leader = next;
    if (next.isEmpty()) {
      // Keep a working stream: the old leader ends it if it really lost leadership.
      LOG.info("no leading master known");
      return;
    }
    String target = targetOf(next.get());
    if (session != null && session.target().equals(target)) {
      return;
    }
    drop("the leading master changed to " + target);
    cancelReconnect();
    connect();
  }

  private static String targetOf(MasterInfo m) {
    return m.getAddress().getIp() + ":" + m.getGrpcPort();
  }

  private void connect() {
    if (closed || stopped || session != null || leader.isEmpty()) {
      return;
    }
    MasterInfo m = leader.get();
    String target = targetOf(m);
    if (channel == null || !target.equals(channelTarget)) {
      shutdownChannel();
      channel =
          NettyChannelBuilder.forAddress(m.getAddress().getIp(), m.getGrpcPort())
              .usePlaintext()
              .directExecutor()
              .build();
      channelTarget = target;
    }
    ClientStream<Call, Event> s = new ClientStream<>(target, loop, this::onEvent, this::onEnded);
    session = s;
    watch =
        new HeartbeatWatch(
            settings.missedHeartbeats(), settings.subscribeTimeout(), settings.clock().instant());
    SchedulerGrpc.newStub(channel)
        .connectBatched(
            s.batched(
                calls -> CallBatch.newBuilder().addAllCalls(calls).build(),
                EventBatch::getEventsList));
    LOG.info(
        "subscribing framework {} to the master at {}",
        frameworkId == null ? "(new)" : frameworkId.getValue(),
        target);
    s.send(Calls.subscribe(frameworkInfo, Optional.ofNullable(frameworkId), suppressedRoles));
  }

  private void onEvent(ClientStream<Call, Event> s, Event event) {
    if (s != session || closed) {
      return;
    }
    watch.eventAt(settings.clock().instant());
    switch (event.getType()) {
      case SUBSCRIBED -> {
        Event.Subscribed sub = event.getSubscribed();
        frameworkId = sub.getFrameworkId();
        subscribedMaster = sub.getMasterInfo();
        watch.subscribed(
            Duration.ofNanos((long) (sub.getHeartbeatIntervalSeconds() * 1e9)),
            settings.clock().instant());
        backoff.reset();
        subscribedSession = s;
        LOG.info("framework {} subscribed at {}", frameworkId.getValue(), s.target());
        listener.event(event);
      }
      case HEARTBEAT -> {
        // Liveness only.
      }
      default -> listener.event(event);
    }
  }

  private void onEnded(ClientStream<Call, Event> s, String why) {
    if (s != session || closed) {
      return;
    }
    LOG.warn("{}", why);
    drop(why);
    scheduleReconnect();
  }

  private void checkLiveness() {
    if (closed || session == null) {
      return;
    }
    var now = settings.clock().instant();
    if (watch.isDead(now)) {
      String why = watch.describe(now);
      LOG.warn("giving up the stream to {}: {}", session.target(), why);
      drop(why);
      // A silent stream may sit on a dead TCP connection: start afresh.
      shutdownChannel();
      scheduleReconnect();
    }
  }

  /** Ends the current stream; tells the listener when it was subscribed. */
  private void drop(String why) {
    ClientStream<Call, Event> s = session;
    if (s == null) {
      return;
    }
    session = null;
    boolean wasSubscribed = subscribedSession == s;
    subscribedSession = null;
    s.cancel(why);
    if (wasSubscribed) {
      listener.disconnected(why);
    }
  }

  private void scheduleReconnect() {
    if (closed || stopped || reconnect != null) {
      return;
    }
    Duration delay = backoff.next();
    reconnect =
        loop.schedule(
            () -> {
              reconnect = null;
              connect();
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void cancelReconnect() {
    if (reconnect != null) {
      reconnect.cancel(false);
      reconnect = null;
    }
  }

  private void shutdownChannel() {
    if (channel != null) {
      channel.shutdownNow();
      channel = null;
      channelTarget = null;
    }
  }

  /** Ends the stream without telling the listener; the framework's tasks keep running. */
  @Override
  public void close() {
    if (loop.isShutdown()) {
      return;
    }
    try {
      loop.submit(
              () -> {
                closed = true;
                cancelReconnect();
                if (liveness != null) {
                  liveness.cancel(false);
                }
                ClientStream<Call, Event> s = session;
                session = null;
                subscribedSession = null;
                if (s != null) {
                  s.cancel("framework closed its connection");
                }
                shutdownChannel();
              })
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("closing the scheduler connection: {}", e.toString());
    }
  }
}
