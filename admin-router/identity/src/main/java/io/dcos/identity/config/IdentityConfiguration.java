package io.dcos.identity.config;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wiring of the clock, the password hash and the HTTP client for health checks. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Argon2id with Spring Security's current recommended cost (16 MiB, two passes). */
  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  @Bean
  HttpClient healthHttpClient(HealthProperties health) {
    return HttpClient.newBuilder()
        .connectTimeout(health.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }
}
