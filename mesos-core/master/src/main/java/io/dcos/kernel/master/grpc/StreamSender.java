package io.dcos.kernel.master.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes to one server stream in the order messages were handed to it, on a shared pool of sender
 * threads rather than on the caller's: serializing and framing a message costs more than the state
 * change that produced it, and the master's single loop thread should only decide what to send.
 * gRPC's observers are not thread-safe; at most one drain of a stream runs at a time, so writes to
 * a stream never overlap and never reorder. Invariant: nothing is written after close, and a close
 * ({@link #complete()}, {@link #fail}) takes effect after every message handed over before it.
 */
final class StreamSender<T> {
  /** Messages written per drain before the thread moves on to other streams. */
  private static final int DRAIN_BATCH = 256;

  private static final ExecutorService SENDERS =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()), senderThreads());

  private final StreamObserver<T> observer;
  private final Executor executor;
  private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
  private boolean draining;
  private boolean closing;
  private volatile boolean closed;

  StreamSender(StreamObserver<T> observer) {
    this(observer, SENDERS);
  }

  StreamSender(StreamObserver<T> observer, Executor executor) {
    this.observer = observer;
    this.executor = executor;
  }

  /** Queues a message; false once the stream is closed or closing. */
  boolean send(T message) {
    return enqueue(() -> observer.onNext(message), false);
  }

  void complete() {
    enqueue(observer::onCompleted, true);
  }

  void fail(Status status) {
    enqueue(() -> observer.onError(status.asRuntimeException()), true);
  }

  /** The peer is gone: drop whatever is still queued. */
  void markClosed() {
    synchronized (this) {
      closed = true;
      closing = true;
      pending.clear();
    }
  }

  private boolean enqueue(Runnable write, boolean last) {
    boolean start;
    synchronized (this) {
      if (closing) {
        return false;
      }
      closing = last;
      pending.add(write);
      start = !draining;
      draining = true;
    }
    if (start) {
      executor.execute(this::drain);
    }
    return true;
  }

  private void drain() {
    for (int written = 0; ; written++) {
      Runnable write;
      boolean last;
      synchronized (this) {
        write = closed ? null : pending.poll();
        if (write == null) {
          draining = false;
          return;
        }
        if (written == DRAIN_BATCH) {
          pending.addFirst(write);
          break;
        }
        last = closing && pending.isEmpty();
      }
      try {
        write.run();
      } catch (RuntimeException e) {
        // The peer is gone (cancelled or already closed); nothing more can reach it.
        markClosed();
      }
      if (last) {
        markClosed();
      }
    }
    executor.execute(this::drain);
  }

  private static ThreadFactory senderThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "master-stream-sender-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
