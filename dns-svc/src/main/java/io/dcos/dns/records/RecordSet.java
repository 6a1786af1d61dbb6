package io.dcos.dns.records;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The zone published for one cluster snapshot: A, AAAA and SRV records by lower-case name (no
 * trailing dot). Invariant: immutable; a name with no records is not in any map.
 */
public final class RecordSet {
  private final String domain;
  private final Map<String, List<String>> a;
  private final Map<String, List<String>> aaaa;
  private final Map<String, List<Srv>> srv;

  RecordSet(
      String domain,
      Map<String, List<String>> a,
      Map<String, List<String>> aaaa,
      Map<String, List<Srv>> srv) {
    this.domain = domain;
    this.a = copy(a);
    this.aaaa = copy(aaaa);
    this.srv = copy(srv);
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
    Map<String, List<T>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  public static RecordSet empty(String domain) {
    return new RecordSet(domain, Map.of(), Map.of(), Map.of());
  }

  public String domain() {
    return domain;
  }

  public List<String> a(String name) {
    return a.getOrDefault(name, List.of());
  }

  public List<String> aaaa(String name) {
    return aaaa.getOrDefault(name, List.of());
  }

  public List<Srv> srv(String name) {
    return srv.getOrDefault(name, List.of());
  }

  /** Whether any record of any type exists at the name. */
  public boolean exists(String name) {
    return a.containsKey(name) || aaaa.containsKey(name) || srv.containsKey(name);
  }

  public Map<String, List<String>> allA() {
    return a;
  }

  public Map<String, List<String>> allAaaa() {
    return aaaa;
  }

  public Map<String, List<Srv>> allSrv() {
    return srv;
  }

  /** Every name with records, sorted. */
  public Set<String> names() {
    Set<String> all = new TreeSet<>(a.keySet());
    all.addAll(aaaa.keySet());
    all.addAll(srv.keySet());
    return all;
  }
}
