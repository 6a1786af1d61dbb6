package io.dcos.dns.http;

import io.dcos.dns.config.DnsProperties;
import io.dcos.dns.records.RecordSet;
import io.dcos.dns.records.Srv;
import io.dcos.dns.resolver.RecordStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Mesos-DNS's HTTP API over the record set being served. */
@RestController
public class DnsApiController {
  /** An address record as the API shows it. */
  public record HostEntry(String host, String ip) {}

  /** An SRV record as the API shows it. */
  public record ServiceEntry(String service, String host, String ip, String port) {}

  private final RecordStore store;
  private final DnsProperties properties;

  public DnsApiController(RecordStore store, DnsProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @GetMapping("/v1/version")
  public Map<String, String> version() {
    return Map.of("Service", "dns-svc", "Version", "0.1.0", "URL", "/v1/config");
  }

  @GetMapping("/v1/config")
  public DnsProperties config() {
    return properties;
  }

  @GetMapping("/v1/hosts/{host}")
  public List<HostEntry> hosts(@PathVariable String host) {
    RecordSet r = store.current().records();
    String name = normalize(host);
    List<HostEntry> out = new ArrayList<>();
    r.a(name).forEach(ip -> out.add(new HostEntry(name + ".", ip)));
    r.aaaa(name).forEach(ip -> out.add(new HostEntry(name + ".", ip)));
    return out.isEmpty() ? List.of(new HostEntry("", "")) : out;
  }

  @GetMapping("/v1/hosts/{host}/ports")
  public List<ServiceEntry> hostPorts(@PathVariable String host) {
    RecordSet r = store.current().records();
    String name = normalize(host);
    List<ServiceEntry> out = new ArrayList<>();
    r.allSrv()
        .forEach(
            (service, targets) -> {
              for (Srv s : targets) {
                if (s.target().equals(name)) {
                  out.addAll(entries(r, service, s));
                }
              }
            });
    return out;
  }

  @GetMapping("/v1/services/{service}")
  public List<ServiceEntry> services(@PathVariable String service) {
    RecordSet r = store.current().records();
    String name = normalize(service);
    List<ServiceEntry> out = new ArrayList<>();
    r.srv(name).forEach(s -> out.addAll(entries(r, name, s)));
    return out.isEmpty() ? List.of(new ServiceEntry("", "", "", "")) : out;
  }

  @GetMapping("/v1/enumerate")
  public Map<String, Object> enumerate() {
    RecordSet r = store.current().records();
    Map<String, Object> records = new LinkedHashMap<>();
    for (String name : r.names()) {
      Map<String, Object> byType = new LinkedHashMap<>();
      if (!r.a(name).isEmpty()) {
        byType.put("A", r.a(name));
      }
      if (!r.aaaa(name).isEmpty()) {
        byType.put("AAAA", r.aaaa(name));
      }
      if (!r.srv(name).isEmpty()) {
        byType.put("SRV", r.srv(name).stream().map(s -> s.target() + ":" + s.port()).toList());
      }
      records.put(name + ".", byType);
    }
    return Map.of("domain", r.domain(), "records", records);
  }

  private static List<ServiceEntry> entries(RecordSet r, String service, Srv s) {
    List<ServiceEntry> out = new ArrayList<>();
    List<String> ips = new ArrayList<>(r.a(s.target()));
    ips.addAll(r.aaaa(s.target()));
    for (String ip : ips) {
      out.add(new ServiceEntry(service + ".", s.target() + ".", ip, Integer.toString(s.port())));
    }
    return out;
  }

  private static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
