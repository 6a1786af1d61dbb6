package io.dcos.dns.resolver;

import java.io.IOException;
import org.xbill.DNS.Message;

/** Where names outside the cluster's domain are sent. */
public interface Upstream {
  /** The upstream answer to the query; throws when no upstream answered. */
  Message forward(Message query) throws IOException;

  /** No upstream: every name outside the domain is refused. */
  Upstream NONE =
      q -> {
        throw new IOException("no upstream resolvers configured");
      };
}
