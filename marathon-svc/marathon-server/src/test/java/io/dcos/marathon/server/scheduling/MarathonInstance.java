package io.dcos.marathon.server.scheduling;

import io.dcos.marathon.server.MarathonApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** marathon-svc in the test JVM, on the kernel of a {@link KernelCluster}. */
final class MarathonInstance implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final String baseUrl;

  private MarathonInstance(ConfigurableApplicationContext context, String ip) {
    this.context = context;
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://" + ip + ":" + port;
  }

  /** The flags of an instance on {@code ip} with its state in {@code jdbcUrl}. */
  static List<String> flags(KernelCluster cluster, String ip, String jdbcUrl, int port) {
    List<String> args = new ArrayList<>();
    args.add("--marathon.http.address=" + ip);
    args.add("--marathon.http.port=" + port);
    args.add("--marathon.store.jdbc-url=" + jdbcUrl);
    args.add("--marathon.store.user=postgres");
    args.add("--marathon.store.password=postgres");
    args.add("--marathon.zk.url=" + cluster.marathonZk());
    args.add("--marathon.zk.session-timeout=4s");
    args.add("--marathon.framework.master=" + cluster.mesosZk());
    args.add("--marathon.scheduling.tick=200ms");
    args.add("--spring.main.banner-mode=off");
    return args;
  }

  static MarathonInstance start(KernelCluster cluster, String ip, String jdbcUrl) {
    SpringApplication app = new SpringApplication(MarathonApplication.class);
    return new MarathonInstance(app.run(flags(cluster, ip, jdbcUrl, 0).toArray(String[]::new)), ip);
  }

  String baseUrl() {
    return baseUrl;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
