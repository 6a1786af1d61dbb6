package io.dcos.dns.metrics;

import io.dcos.dns.cluster.ClusterFollower;
import io.dcos.dns.resolver.QueryStats;
import io.dcos.dns.resolver.RecordStore;
import io.dcos.dns.resolver.Resolver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.xbill.DNS.Rcode;

/**
 * Exposes the service's own counts as Micrometer meters (served in Prometheus text at {@code
 * /actuator/prometheus}): queries by transport and response code, truncated, forwarded and dropped
 * packets, the zone's size and serial, and the cluster follower's resyncs, lost ZooKeeper sessions
 * and ended streams. Meters read the counts when scraped; nothing is added to the query path.
 */
public final class DnsMetrics implements MeterBinder {
  private static final int[] RCODES = {
    Rcode.NOERROR, Rcode.FORMERR, Rcode.SERVFAIL, Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED
  };

  private final QueryStats queries;
  private final RecordStore store;
  private final ClusterFollower follower;

  public DnsMetrics(QueryStats queries, RecordStore store, ClusterFollower follower) {
    this.queries = queries;
    this.store = store;
    this.follower = follower;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Resolver.Transport t : Resolver.Transport.values()) {
      for (int rcode : RCODES) {
        FunctionCounter.builder("dns.queries", queries, q -> q.answers(t, rcode))
            .description("Queries answered")
            .tag("transport", t.name().toLowerCase(Locale.ROOT))
            .tag("rcode", Rcode.string(rcode))
            .register(registry);
      }
    }
    counter(registry, "dns.truncated", "UDP answers sent with TC", queries, QueryStats::truncated);
    counter(registry, "dns.forwarded", "Queries sent upstream", queries, QueryStats::forwarded);
    counter(registry, "dns.dropped", "Packets left unanswered", queries, QueryStats::dropped);
    Gauge.builder("dns.zone.names", store, s -> s.current().records().names().size())
        .description("Names in the zone being served")
        .register(registry);
    Gauge.builder("dns.zone.serial", store, s -> s.current().serial())
        .description("Serial of the zone being served")
        .register(registry);
    Map.<String, ToDoubleFunction<ClusterFollower>>of(
            "dns.follower.resyncs", ClusterFollower::resyncs,
            "dns.follower.zookeeper.sessions.lost", ClusterFollower::sessionsLost,
            "dns.follower.streams.ended", ClusterFollower::streamsEnded,
            "dns.follower.published", ClusterFollower::published)
        .forEach((name, f) -> counter(registry, name, "Cluster follower", follower, f));
  }

  private static <T> void counter(
      MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> f) {
    FunctionCounter.builder(name, source, f).description(description).register(registry);
  }
}
