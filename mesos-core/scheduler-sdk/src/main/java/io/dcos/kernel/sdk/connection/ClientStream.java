package io.dcos.kernel.sdk.connection;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * One client stream to a master (a framework's scheduler stream, an agent's stream). gRPC's
 * callbacks only hand what arrives over to the owner's serial executor, tagged with this stream so
 * the owner can ignore streams it has replaced; sending is safe from any thread. Invariant: once
 * {@link #isDone()} nothing is sent any more.
 */
public final class ClientStream<ReqT, RespT> implements ClientResponseObserver<ReqT, RespT> {
  private final String target;
  private final Executor loop;
  private final BiConsumer<ClientStream<ReqT, RespT>, RespT> onMessage;
  private final BiConsumer<ClientStream<ReqT, RespT>, String> onEnd;
  private ClientCallStreamObserver<ReqT> requests;
  private boolean done;

  /**
   * @param target where the stream goes, for messages
   * @param loop the owner's serial executor; both callbacks run on it
   */
  public ClientStream(
      String target,
      Executor loop,
      BiConsumer<ClientStream<ReqT, RespT>, RespT> onMessage,
      BiConsumer<ClientStream<ReqT, RespT>, String> onEnd) {
    this.target = target;
    this.loop = loop;
    this.onMessage = onMessage;
    this.onEnd = onEnd;
  }

  public String target() {
    return target;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<ReqT> requestStream) {
    this.requests = requestStream;
  }

  /** Sends a message; false when the stream has ended. */
  public synchronized boolean send(ReqT message) {
    if (done) {
      return false;
    }
    try {
      requests.onNext(message);
      return true;
    } catch (RuntimeException e) {
      done = true;
      return false;
    }
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** Ends the stream from this side. */
  public synchronized void cancel(String why) {
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
  public void onNext(RespT message) {
    hand(() -> onMessage.accept(this, message));
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
    hand(() -> onEnd.accept(this, why));
  }

  private void hand(Runnable work) {
    try {
      loop.execute(work);
    } catch (RejectedExecutionException closed) {
      // The owner is closed: nobody is left to hear it.
    }
  }
}
