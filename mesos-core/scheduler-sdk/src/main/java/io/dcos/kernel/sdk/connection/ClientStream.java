package io.dcos.kernel.sdk.connection;

import com.google.protobuf.MessageLite;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One client stream to a master (a framework's scheduler stream, an agent's stream). gRPC's
 * callbacks only hand what arrives over to the owner's serial executor, tagged with this stream so
 * the owner can ignore streams it has replaced; sending is safe from any thread. Invariant: once
 * {@link #isDone()} nothing is sent any more.
 *
 * <p>The stream is either handed to a stub as it is (one gRPC message per message), or carried over
 * a stream of batches ({@link #batched}): then messages sent while a write is pending go out
 * together in one batch, written from the owner's executor, in the order they were sent.
 */
public final class ClientStream<ReqT, RespT> implements ClientResponseObserver<ReqT, RespT> {
  /** Serialized bytes per batch written; a single larger message still goes, alone. */
  public static final int BATCH_BYTES = 1 << 20;

  private final String target;
  private final Executor loop;
  private final BiConsumer<ClientStream<ReqT, RespT>, RespT> onMessage;
  private final BiConsumer<ClientStream<ReqT, RespT>, String> onEnd;
  private ClientCallStreamObserver<ReqT> requests;
  private ClientCallStreamObserver<?> call;
  private BatchWriter<ReqT> batchWriter;
  private List<ReqT> pending = new ArrayList<>();
  private boolean flushQueued;
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
    this.call = requestStream;
  }

  /**
   * The observer to hand to a stub's batched method instead of this stream: batches that arrive are
   * unpacked and their messages delivered one by one, in order; messages sent are packed.
   *
   * @param pack makes one batch of one or more messages, in order
   * @param unpack the messages of a batch, in order
   */
  public <BatchReqT, BatchRespT> ClientResponseObserver<BatchReqT, BatchRespT> batched(
      Function<List<ReqT>, BatchReqT> pack, Function<BatchRespT, List<RespT>> unpack) {
    return new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<BatchReqT> requestStream) {
        synchronized (ClientStream.this) {
          call = requestStream;
          batchWriter = messages -> requestStream.onNext(pack.apply(messages));
        }
      }

      @Override
      public void onNext(BatchRespT batch) {
        hand(
            () -> {
              for (RespT message : unpack.apply(batch)) {
                onMessage.accept(ClientStream.this, message);
              }
            });
      }

      @Override
      public void onError(Throwable t) {
        ClientStream.this.onError(t);
      }

      @Override
      public void onCompleted() {
        ClientStream.this.onCompleted();
      }
    };
  }

  /**
   * Sends a message; false when the stream has ended. On a batched stream the message is queued and
   * written with the others queued before the owner's executor gets to the write.
   */
  public synchronized boolean send(ReqT message) {
    if (done) {
      return false;
    }
    if (batchWriter != null) {
      pending.add(message);
      if (!flushQueued) {
        flushQueued = true;
        try {
          loop.execute(this::flush);
        } catch (RejectedExecutionException closed) {
          done = true;
          return false;
        }
      }
      return true;
    }
    try {
      requests.onNext(message);
      return true;
    } catch (RuntimeException e) {
      done = true;
      return false;
    }
  }

  private synchronized void flush() {
    flushQueued = false;
    if (done || pending.isEmpty()) {
      pending.clear();
      return;
    }
    List<ReqT> queued = pending;
    pending = new ArrayList<>();
    try {
      int from = 0;
      long bytes = 0;
      for (int i = 0; i < queued.size(); i++) {
        // The message, its field tag and its length prefix.
        int size = queued.get(i) instanceof MessageLite m ? m.getSerializedSize() + 6 : 0;
        if (i > from && bytes + size > BATCH_BYTES) {
          batchWriter.write(queued.subList(from, i));
          from = i;
          bytes = 0;
        }
        bytes += size;
      }
      batchWriter.write(queued.subList(from, queued.size()));
    } catch (RuntimeException e) {
      done = true;
    }
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** Ends the stream from this side. */
  public synchronized void cancel(String why) {
    if (!done) {
      done = true;
      pending.clear();
      try {
        call.cancel(why, null);
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
      pending.clear();
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

  /** Writes one batch to the gRPC stream. */
  private interface BatchWriter<T> {
    void write(List<T> messages);
  }
}
