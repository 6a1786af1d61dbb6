package io.dcos.jobs.framework;

import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.OfferView;
import io.dcos.jobs.engine.Placement;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.sdk.NotSubscribedException;
import io.dcos.kernel.sdk.SchedulerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offers chronos-svc holds and what it asks of the master. Every decision (launch, decline,
 * suppress, revive) is made on one thread, in the order the events came, so a revive asked for a
 * new run always follows a suppress decided before that run was queued.
 *
 * <p>Offers are kept while runs are claimed for a due time ahead, so at the due time those runs are
 * placed without a revive and offer round trip; they are declined when runs are due but do not fit
 * (the resources come back merged after the refuse time), and declined with a suppress when no run
 * waits. Should the master still send nothing while runs wait (a call lost around a leader change),
 * a check revives once no offer came for two refuse times.
 */
final class OfferDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OfferDesk.class);

  private final JobEngine engine;
  private final Supplier<SchedulerClient> client;
  private final double refuseSeconds;
  private final long starvedNanos;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean wantQueued = new AtomicBoolean();
  // Touched on the desk's thread only.
  private final Map<String, Offer> held = new LinkedHashMap<>();
  private boolean suppressed;
  private long offersAtNanos = System.nanoTime();

  OfferDesk(JobEngine engine, Supplier<SchedulerClient> client, Duration refuse) {
    this.engine = engine;
    this.client = client;
    this.refuseSeconds = refuse.toMillis() / 1000.0;
    long every = Math.max(1000, refuse.toMillis());
    this.starvedNanos = TimeUnit.MILLISECONDS.toNanos(2 * every);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chronos-offers");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        () -> run(this::reviveWhenStarved), every, every, TimeUnit.MILLISECONDS);
  }

  /** A new subscription: earlier offers are void and the master offers again by itself. */
  void subscribed() {
    submit(
        () -> {
          held.clear();
          suppressed = false;
        });
  }

  /** The stream ended: outstanding offers are void. */
  void disconnected() {
    submit(held::clear);
  }

  void offers(List<Offer> offers) {
    submit(
        () -> {
          offers.forEach(o -> held.put(o.getId().getValue(), o));
          offersAtNanos = System.nanoTime();
          pass();
        });
  }

  void rescinded(OfferID offerId) {
    submit(() -> held.remove(offerId.getValue()));
  }

  /**
   * Runs wait, now or at a due time ahead: places those due on the offers held and revives while
   * some still wait. Requests that come while one is queued are served by it.
   */
  void wantOffers() {
    if (wantQueued.compareAndSet(false, true)) {
      submit(
          () -> {
            wantQueued.set(false);
            if (!held.isEmpty()) {
              pass();
            }
            if (engine.hasWaitingRuns() || (held.isEmpty() && engine.wantsOffers())) {
              revive();
            }
          });
    }
  }

  private void submit(Runnable step) {
    try {
      thread.execute(() -> run(step));
    } catch (RejectedExecutionException e) {
      wantQueued.set(false); // closed: the next leader asks again
    }
  }

  private static void run(Runnable step) {
    try {
      step.run();
    } catch (NotSubscribedException e) {
      LOG.info("offer call not sent, not subscribed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("offer step failed", e);
    }
  }

  /** Launches due runs on the offers held, then keeps, declines or suppresses as above. */
  private void pass() {
    SchedulerClient c = client.get();
    if (c == null) {
      return;
    }
    if (engine.hasWaitingRuns() && !held.isEmpty()) {
      launch(c);
    }
    if (engine.hasWaitingRuns() || !engine.wantsOffers()) {
      List<OfferID> unused = new ArrayList<>();
      held.values().forEach(o -> unused.add(o.getId()));
      held.clear();
      if (!unused.isEmpty()) {
        c.decline(unused, refuseSeconds);
      }
    }
    if (!engine.wantsOffers() && !suppressed) {
      suppressed = true;
      c.suppress();
    }
  }

  /**
   * Places due runs on the offers held and launches them. The engine records the tasks while their
   * launches are built here; only recorded tasks are launched.
   */
  private void launch(SchedulerClient c) {
    List<OfferView> views = new ArrayList<>(held.size());
    held.values().forEach(o -> views.add(view(o)));
    List<Placement> placed = engine.place(views);
    if (placed.isEmpty()) {
      return;
    }
    CompletableFuture<Set<String>> recording = engine.record(placed);
    Map<String, List<Placement>> byOffer = new LinkedHashMap<>();
    Map<String, TaskInfo> infos = new HashMap<>();
    for (Placement p : placed) {
      byOffer.computeIfAbsent(p.offerId(), k -> new ArrayList<>()).add(p);
      infos.put(p.taskId(), TaskInfos.of(p, null));
    }
    Set<String> recorded;
    try {
      recorded = recording.join();
    } catch (CompletionException e) {
      LOG.warn("tasks of {} runs not recorded, not launched: {}", placed.size(), e.getMessage());
      return;
    }
    List<Placement> launched = new ArrayList<>(placed.size());
    for (Map.Entry<String, List<Placement>> e : byOffer.entrySet()) {
      List<Placement> sent = new ArrayList<>();
      List<TaskInfo> tasks = new ArrayList<>();
      for (Placement p : e.getValue()) {
        if (recorded.contains(p.taskId())) {
          sent.add(p);
          tasks.add(infos.get(p.taskId()));
        }
      }
      if (!tasks.isEmpty()) {
        // What the tasks leave of the offer goes back to the master with the accept.
        held.remove(e.getKey());
        c.launch(OfferID.newBuilder().setValue(e.getKey()).build(), tasks);
        engine.launched(sent, engine.now());
        launched.addAll(sent);
      }
    }
    engine.starting(launched);
  }

  private void revive() {
    SchedulerClient c = client.get();
    if (c != null) {
      suppressed = false;
      c.revive();
    }
  }

  private void reviveWhenStarved() {
    if (engine.hasWaitingRuns() && System.nanoTime() - offersAtNanos > starvedNanos) {
      LOG.info("runs wait and no offer came for {} ms: reviving", starvedNanos / 1_000_000);
      offersAtNanos = System.nanoTime();
      revive();
    }
  }

  static OfferView view(Offer o) {
    Resources r = ResourceConverter.fromProto(o.getResourcesList());
    Map<String, String> attributes = new HashMap<>();
    for (Attribute a : o.getAttributesList()) {
      attributes.put(a.getName(), attributeText(a));
    }
    return new OfferView(
        o.getId().getValue(),
        o.getAgentId().getValue(),
        o.getHostname(),
        r.scalar("cpus"),
        r.scalar("mem"),
        r.scalar("disk"),
        attributes);
  }

  private static String attributeText(Attribute a) {
    if (a.hasText()) {
      return a.getText().getValue();
    }
    if (a.hasScalar()) {
      double v = a.getScalar().getValue();
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
    return a.toString();
  }

  /** Stops deciding; offers still held are void once the subscription ends. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
