package io.dcos.marathon.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the REST API listens, under {@code marathon.http.*}. */
@Validated
@ConfigurationProperties("marathon.http")
public record HttpProperties(
    // Address the API binds.
    @DefaultValue("0.0.0.0") @NotBlank String address,
    // Port of the API (Marathon's 8080).
    @DefaultValue("8080") @Min(0) @Max(65535) int port,
    // host:port other instances reach this one at; address:port when empty.
    @DefaultValue("") String advertisedAddress) {

  /** The {@code host:port} published in the leader election. */
  public String advertised(int boundPort) {
    if (!advertisedAddress.isBlank()) {
      return advertisedAddress;
    }
    String host = address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
    return host + ":" + boundPort;
  }
}
