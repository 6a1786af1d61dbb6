package io.dcos.kernel.sdk;

/**
 * Thrown by a {@link SchedulerClient} call made while the framework has no subscribed stream to the
 * leading master (connecting, re-subscribing after a failover, or closed). The call was not sent;
 * the framework retries it after {@link Scheduler#subscribed}, typically by reconciling.
 */
public final class NotSubscribedException extends IllegalStateException {
  public NotSubscribedException(String message) {
    super(message);
  }
}
