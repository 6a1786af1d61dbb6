package io.dcos.kernel.master.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * Serializes writes to one server stream: gRPC's observers are not thread-safe, and the master's
 * loop, heartbeats and shutdown may write concurrently. Invariant: nothing is sent after close.
 */
final class StreamSender<T> {
  private final StreamObserver<T> observer;
  private boolean closed;

  StreamSender(StreamObserver<T> observer) {
    this.observer = observer;
  }

  synchronized boolean send(T message) {
    if (closed) {
      return false;
    }
    try {
      observer.onNext(message);
      return true;
    } catch (RuntimeException e) {
      closed = true;
      return false;
    }
  }

  synchronized void complete() {
    if (!closed) {
      closed = true;
      try {
        observer.onCompleted();
      } catch (RuntimeException ignored) {
        // The peer is already gone.
      }
    }
  }

  synchronized void fail(Status status) {
    if (!closed) {
      closed = true;
      try {
        observer.onError(status.asRuntimeException());
      } catch (RuntimeException ignored) {
        // The peer is already gone.
      }
    }
  }

  synchronized void markClosed() {
    closed = true;
  }
}
