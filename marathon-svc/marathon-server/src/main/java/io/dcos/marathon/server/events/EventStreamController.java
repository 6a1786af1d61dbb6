package io.dcos.marathon.server.events;

import io.dcos.marathon.server.config.EventsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /v2/events}: the event bus as Server-Sent Events ({@code event: <type>}, {@code data:
 * <json>}), optionally only the types named by {@code event_type}. A client that falls behind by
 * more than the buffer is disconnected and may reconnect.
 */
@RestController
public class EventStreamController implements SmartLifecycle {
  private final EventBus bus;
  private final EventsProperties props;
  private final Clock clock;
  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sse-heartbeat");
            t.setDaemon(true);
            return t;
          });

  public EventStreamController(EventBus bus, EventsProperties props, Clock clock) {
    this.bus = bus;
    this.props = props;
    this.clock = clock;
  }

  @GetMapping(value = "/v2/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @RequestParam(name = "event_type", required = false) List<String> eventTypes,
      HttpServletRequest request) {
    Set<String> wanted = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    String remote = request.getRemoteAddr();
    SseEmitter emitter = new SseEmitter(0L);
    EventBus.Subscription[] subscription = new EventBus.Subscription[1];
    subscription[0] =
        bus.subscribe(
            event -> {
              if (!wanted.isEmpty() && !wanted.contains(event.eventType())) {
                return;
              }
              try {
                emitter.send(
                    SseEmitter.event()
                        .name(event.eventType())
                        .data(event, MediaType.APPLICATION_JSON));
              } catch (IOException | IllegalStateException e) {
                subscription[0].close();
                emitter.completeWithError(e);
              }
            },
            emitter::complete);
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              try {
                emitter.send(SseEmitter.event().comment(""));
              } catch (IOException | IllegalStateException e) {
                subscription[0].close();
              }
            },
            props.heartbeat().toMillis(),
            props.heartbeat().toMillis(),
            TimeUnit.MILLISECONDS);
    java.util.concurrent.atomic.AtomicBoolean detached =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable detach =
        () -> {
          if (!detached.compareAndSet(false, true)) {
            return;
          }
          heartbeat.cancel(false);
          subscription[0].close();
          bus.publish(new Events.EventStreamDetached(remote, clock.instant()));
        };
    open.add(emitter);
    emitter.onCompletion(
        () -> {
          open.remove(emitter);
          detach.run();
        });
    emitter.onTimeout(detach);
    emitter.onError(e -> detach.run());
    try {
      // Commits the response headers at once, so clients see the stream open before any event.
      emitter.send(SseEmitter.event().comment("attached"));
    } catch (IOException e) {
      detach.run();
    }
    bus.publish(new Events.EventStreamAttached(remote, clock.instant()));
    return emitter;
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every stream before the web server drains requests, so shutdown never waits on them. */
  @Override
  public void stop() {
    running = false;
    open.forEach(SseEmitter::complete);
    open.clear();
    heartbeats.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
