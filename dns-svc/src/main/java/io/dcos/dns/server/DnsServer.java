package io.dcos.dns.server;

import io.dcos.dns.resolver.Resolver;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DNS listeners: UDP and TCP on one address and port. A few UDP workers each receive a
 * datagram, answer it and send the answer themselves (no hand-off between threads on the hot path);
 * one thread accepts connections and a separate bounded pool serves them, so slow or stalled TCP
 * clients cannot hold up UDP answers. Invariant: nothing a client sends stops a listener; when the
 * workers are busy, datagrams wait in the socket's buffer or are dropped by the kernel, and
 * connections beyond the pool are closed, rather than queued without bound.
 */
public final class DnsServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
  private static final int MAX_DATAGRAM = 65535;
  private static final int UDP_BUFFER = 4 << 20;
  static final int MAX_TCP_CONNECTIONS = 128;

  private final Resolver resolver;
  private final InetSocketAddress bind;
  private final Duration tcpIdle;
  private final int threads;
  private final ExecutorService connections;
  private DatagramChannel udp;
  private ServerSocket tcp;
  private volatile boolean closed;

  public DnsServer(Resolver resolver, InetSocketAddress bind, int threads, Duration tcpIdle) {
    this.resolver = resolver;
    this.bind = bind;
    this.tcpIdle = tcpIdle;
    this.threads = threads;
    AtomicInteger c = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(
            0,
            MAX_TCP_CONNECTIONS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "dns-tcp-" + c.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Binds both listeners; with port 0, TCP takes the port UDP got. */
  public DnsServer start() throws IOException {
    udp = DatagramChannel.open();
    udp.bind(bind);
    int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
    tcp = new ServerSocket();
    tcp.setReuseAddress(true);
    tcp.bind(new InetSocketAddress(bind.getAddress(), port), 128);
    udp.setOption(StandardSocketOptions.SO_RCVBUF, UDP_BUFFER);
    for (int i = 1; i <= threads; i++) {
      thread("dns-udp-" + i, this::receiveLoop).start();
    }
    thread("dns-tcp", this::acceptLoop).start();
    LOG.info("DNS listening on {}:{} (UDP and TCP)", bind.getAddress().getHostAddress(), port);
    return this;
  }

  public int port() {
    return tcp.getLocalPort();
  }

  private static Thread thread(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    while (!closed) {
      try {
        buffer.clear();
        SocketAddress client = udp.receive(buffer);
        byte[] packet = Arrays.copyOf(buffer.array(), buffer.position());
        answerUdp(packet, client);
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.warn("UDP receive failed: {}", e.toString());
        }
      }
    }
  }

  private void answerUdp(byte[] packet, SocketAddress client) {
    try {
      byte[] answer = resolver.answer(packet, Resolver.Transport.UDP);
      if (answer != null) {
        udp.send(ByteBuffer.wrap(answer), client);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot answer {}: {}", client, e.toString());
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = tcp.accept();
        try {
          connections.execute(() -> serveConnection(s));
        } catch (RejectedExecutionException e) {
          s.close();
        }
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.warn("TCP accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serveConnection(Socket s) {
    try (s) {
      s.setSoTimeout((int) tcpIdle.toMillis());
      DataInputStream in = new DataInputStream(s.getInputStream());
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      while (!closed) {
        int length = in.readUnsignedShort();
        byte[] packet = in.readNBytes(length);
        if (packet.length < length) {
          return;
        }
        byte[] answer = resolver.answer(packet, Resolver.Transport.TCP);
        if (answer == null) {
          return;
        }
        out.writeShort(answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (EOFException | SocketTimeoutException e) {
      // The client is done or idle.
    } catch (IOException | RuntimeException e) {
      LOG.debug("TCP connection failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (udp != null) {
        udp.close();
      }
      if (tcp != null) {
        tcp.close();
      }
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
    connections.shutdownNow();
  }
}
