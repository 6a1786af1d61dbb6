package io.dcos.marathon.core.model;

import java.util.Map;

/** A network an app joins: the host's, a named container network, or the bridge. */
public record Network(NetworkMode mode, String name, Map<String, String> labels) {
  public Network {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public static final Network HOST = new Network(NetworkMode.HOST, null, Map.of());

  /** Marathon's network modes ({@code host}, {@code container}, {@code container/bridge}). */
  public enum NetworkMode {
    HOST("host"),
    CONTAINER("container"),
    CONTAINER_BRIDGE("container/bridge");

    private final String json;

    NetworkMode(String json) {
      this.json = json;
    }

    /** The name in app JSON. */
    public String json() {
      return json;
    }

    /** The mode for a JSON name, or null. */
    public static NetworkMode fromJson(String name) {
      for (NetworkMode mode : values()) {
        if (mode.json.equals(name)) {
          return mode;
        }
      }
      return null;
    }
  }
}
