package io.dcos.kernel.master.grpc;

import com.google.protobuf.MessageLite;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes to one server stream in the order messages were handed to it, on a shared pool of sender
 * threads rather than on the caller's: serializing and framing a message costs more than the state
 * change that produced it, and the master's single loop thread should only decide what to send.
 * gRPC's observers are not thread-safe; at most one drain of a stream runs at a time, so writes to
 * a stream never overlap and never reorder. On a batched stream one write carries every message
 * queued when the drain gets to it (up to {@link #BATCH_BYTES}), so a busy stream pays gRPC's
 * per-message cost once per batch instead of once per message. Invariant: nothing is written after
 * close, and a close ({@link #complete()}, {@link #fail}) takes effect after every message handed
 * over before it.
 */
final class StreamSender<T extends MessageLite> {
  /** Writes per drain before the thread moves on to other streams. */
  private static final int DRAIN_WRITES = 256;

  /** Serialized bytes per batch; a single larger message still goes, alone. */
  static final int BATCH_BYTES = 1 << 20;

  private static final ExecutorService SENDERS =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()), senderThreads());

  private final StreamObserver<?> observer;
  private final Writer<T> writer;
  private final boolean batched;
  private final Executor executor;
  private final ArrayDeque<T> pending = new ArrayDeque<>();
  private Runnable close;
  private boolean draining;
  private boolean closing;
  private volatile boolean closed;

  private StreamSender(
      StreamObserver<?> observer, Writer<T> writer, boolean batched, Executor executor) {
    this.observer = observer;
    this.writer = writer;
    this.batched = batched;
    this.executor = executor;
  }

  /** One gRPC message per message. */
  static <T extends MessageLite> StreamSender<T> single(StreamObserver<T> observer) {
    return single(observer, SENDERS);
  }

  static <T extends MessageLite> StreamSender<T> single(
      StreamObserver<T> observer, Executor executor) {
    return new StreamSender<>(
        observer, messages -> messages.forEach(observer::onNext), false, executor);
  }

  /** Messages queued together go out as one batch made by {@code pack}. */
  static <T extends MessageLite, B> StreamSender<T> batched(
      StreamObserver<B> observer, Function<List<T>, B> pack) {
    return batched(observer, pack, SENDERS);
  }

  static <T extends MessageLite, B> StreamSender<T> batched(
      StreamObserver<B> observer, Function<List<T>, B> pack, Executor executor) {
    return new StreamSender<>(
        observer, messages -> observer.onNext(pack.apply(messages)), true, executor);
  }

  /** Queues a message; false once the stream is closed or closing. */
  boolean send(T message) {
    boolean start;
    synchronized (this) {
      if (closing) {
        return false;
      }
      pending.add(message);
      start = !draining;
      draining = true;
    }
    if (start) {
      executor.execute(this::drain);
    }
    return true;
  }

  void complete() {
    close(observer::onCompleted);
  }

  void fail(Status status) {
    close(() -> observer.onError(status.asRuntimeException()));
  }

  /** The peer is gone: drop whatever is still queued. */
  void markClosed() {
    synchronized (this) {
      closed = true;
      closing = true;
      close = null;
      pending.clear();
    }
  }

  private void close(Runnable action) {
    boolean start;
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      close = action;
      start = !draining;
      draining = true;
    }
    if (start) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    for (int writes = 0; ; writes++) {
      List<T> chunk;
      Runnable last = null;
      synchronized (this) {
        if (closed || (pending.isEmpty() && close == null)) {
          draining = false;
          return;
        }
        if (writes == DRAIN_WRITES) {
          break;
        }
        if (pending.isEmpty()) {
          last = close;
          chunk = List.of();
        } else {
          chunk = take();
        }
      }
      try {
        if (last != null) {
          last.run();
        } else {
          writer.write(chunk);
        }
      } catch (RuntimeException e) {
        // The peer is gone (cancelled or already closed); nothing more can reach it.
        markClosed();
      }
      if (last != null) {
        markClosed();
      }
    }
    executor.execute(this::drain);
  }

  /** The next write's messages: one, or for a batched stream as many as fit in a batch. */
  private List<T> take() {
    if (!batched) {
      return List.of(pending.poll());
    }
    List<T> chunk = new ArrayList<>(Math.min(pending.size(), 1024));
    long bytes = 0;
    while (!pending.isEmpty()) {
      // The message, its field tag and its length prefix.
      int size = pending.peek().getSerializedSize() + 6;
      if (!chunk.isEmpty() && bytes + size > BATCH_BYTES) {
        break;
      }
      chunk.add(pending.poll());
      bytes += size;
    }
    return chunk;
  }

  private static ThreadFactory senderThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "master-stream-sender-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Writes messages to the gRPC stream. */
  private interface Writer<T> {
    void write(List<T> messages);
  }
}
