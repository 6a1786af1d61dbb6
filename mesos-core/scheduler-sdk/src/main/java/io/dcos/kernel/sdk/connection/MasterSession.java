package io.dcos.kernel.sdk.connection;

import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * One scheduler stream to one master. gRPC's callbacks only hand the event over to the connection's
 * loop; sending is safe from any thread. Invariant: once {@link #isDone()} nothing is sent any
 * more.
 */
final class MasterSession implements ClientResponseObserver<Call, Event> {
  private final String target;
  private final Executor loop;
  private final BiConsumer<MasterSession, Event> onEvent;
  private final BiConsumer<MasterSession, String> onEnd;
  private ClientCallStreamObserver<Call> requests;
  private boolean done;

  MasterSession(
      String target,
      Executor loop,
      BiConsumer<MasterSession, Event> onEvent,
      BiConsumer<MasterSession, String> onEnd) {
    this.target = target;
    this.loop = loop;
    this.onEvent = onEvent;
    this.onEnd = onEnd;
  }

  String target() {
    return target;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<Call> requestStream) {
    this.requests = requestStream;
  }

  /** Sends a call; false when the stream has ended. */
  synchronized boolean send(Call call) {
    if (done) {
      return false;
    }
    try {
      requests.onNext(call);
      return true;
    } catch (RuntimeException e) {
      done = true;
      return false;
    }
  }

  synchronized boolean isDone() {
    return done;
  }

  /** Ends the stream from this side; no end callback follows for a cancel. */
  synchronized void cancel(String why) {
    if (!done) {
      done = true;
      try {
        requests.cancel(why, null);
      } catch (RuntimeException ignored) {
        // The stream is already gone.
      }
    }
  }

  @Override
  public void onNext(Event event) {
    loop.execute(() -> onEvent.accept(this, event));
  }

  @Override
  public void onError(Throwable t) {
    ended("stream to " + target + " failed: " + t.getMessage());
  }

  @Override
  public void onCompleted() {
    ended("the master at " + target + " closed the stream");
  }

  private void ended(String why) {
    synchronized (this) {
      done = true;
    }
    try {
      loop.execute(() -> onEnd.accept(this, why));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // The client is closed: nobody is left to hear that the stream ended.
    }
  }
}
