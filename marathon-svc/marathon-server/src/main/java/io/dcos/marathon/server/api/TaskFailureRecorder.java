package io.dcos.marathon.server.api;

import io.dcos.marathon.server.events.EventBus;
import io.dcos.marathon.server.events.Events;
import io.dcos.marathon.server.events.MarathonEvent;
import io.dcos.marathon.server.store.TaskFailureRepository;
import io.dcos.marathon.server.store.TaskFailureRepository.TaskFailure;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps every app's {@code lastTaskFailure}: follows the status updates on the event bus, as
 * Marathon does, and stores each one that ends a task in failure. Runs on the event delivery
 * thread, never on the scheduler's.
 */
@Component
public class TaskFailureRecorder implements InitializingBean, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(TaskFailureRecorder.class);

  /** The task states Marathon records as a failure. */
  static final Set<String> FAILURE_STATES =
      Set.of(
          "TASK_FAILED",
          "TASK_ERROR",
          "TASK_LOST",
          "TASK_DROPPED",
          "TASK_GONE",
          "TASK_GONE_BY_OPERATOR",
          "TASK_UNKNOWN");

  private final EventBus bus;
  private final TaskFailureRepository failures;
  private volatile EventBus.Subscription subscription;
  private volatile boolean closed;

  public TaskFailureRecorder(EventBus bus, TaskFailureRepository failures) {
    this.bus = bus;
    this.failures = failures;
  }

  @Override
  public void afterPropertiesSet() {
    subscribe();
  }

  private void subscribe() {
    subscription =
        bus.subscribe(
            this::onEvent,
            () -> {
              LOG.warn("task failure recording fell behind the event stream; resubscribing");
              if (!closed) {
                subscribe();
              }
            });
  }

  private void onEvent(MarathonEvent event) {
    if (event instanceof Events.StatusUpdateEvent s) {
      failure(s).ifPresent(this::store);
    }
  }

  private void store(TaskFailure f) {
    try {
      failures.record(f);
    } catch (RuntimeException e) {
      // The store is unavailable: the failure is lost, the subscription must not be.
      LOG.warn("could not store the failure of task {}: {}", f.taskId(), e.toString());
    }
  }

  /** The failure a status update reports, if it ends its task in failure. */
  static Optional<TaskFailure> failure(Events.StatusUpdateEvent s) {
    if (!FAILURE_STATES.contains(s.taskStatus()) || s.appId() == null || s.version() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TaskFailure(
            s.appId(),
            s.taskId(),
            s.taskStatus(),
            s.message() == null ? "" : s.message(),
            s.host() == null ? "" : s.host(),
            s.slaveId(),
            Instant.parse(s.version()),
            s.timestamp()));
  }

  @Override
  public void destroy() {
    closed = true;
    EventBus.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
  }
}
