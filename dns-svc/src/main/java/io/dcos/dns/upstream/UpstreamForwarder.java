package io.dcos.dns.upstream;

import io.dcos.dns.resolver.Upstream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * Forwards queries to the configured resolvers in order: each is asked over UDP and again over TCP
 * when its answer is truncated, within the timeout; the first answer wins. Invariant: the query
 * sent upstream is the client's own, so its EDNS0 size and flags travel with it.
 */
public final class UpstreamForwarder implements Upstream {
  private final List<SimpleResolver> resolvers = new ArrayList<>();

  /** Resolvers as {@code ip} or {@code ip:port} (port 53 when absent). */
  public UpstreamForwarder(List<String> addresses, Duration timeout) {
    for (String address : addresses) {
      InetSocketAddress socket = parse(address);
      SimpleResolver r = new SimpleResolver(socket);
      r.setTimeout(timeout);
      resolvers.add(r);
    }
  }

  static InetSocketAddress parse(String address) {
    String host = address.trim();
    int port = 53;
    int colon = host.lastIndexOf(':');
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (colon > close) {
        port = Integer.parseInt(host.substring(colon + 1));
      }
      host = host.substring(1, close);
    } else if (colon > 0 && host.indexOf(':') == colon) {
      port = Integer.parseInt(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
    return new InetSocketAddress(host, port);
  }

  @Override
  public Message forward(Message query) throws IOException {
    if (resolvers.isEmpty()) {
      return NONE.forward(query);
    }
    IOException last = null;
    for (SimpleResolver r : resolvers) {
      try {
        return r.send(query.clone());
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }
}
