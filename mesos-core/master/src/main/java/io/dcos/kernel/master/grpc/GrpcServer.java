package io.dcos.kernel.master.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** The kernel's gRPC server, started and stopped with the application. */
public final class GrpcServer implements SmartLifecycle {
  private final InetSocketAddress address;
  private final List<BindableService> services;
  private Server server;

  public GrpcServer(InetSocketAddress address, List<BindableService> services) {
    this.address = address;
    this.services = services;
  }

  @Override
  public void start() {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address)
            .permitKeepAliveTime(5, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .maxInboundMessageSize(64 * 1024 * 1024);
    services.forEach(builder::addService);
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for gRPC on " + address + " (is the port in use?): " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return server != null && !server.isShutdown();
  }

  public int port() {
    return server.getPort();
  }
}
