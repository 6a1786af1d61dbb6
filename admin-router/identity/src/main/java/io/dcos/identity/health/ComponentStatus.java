package io.dcos.identity.health;

/** How one component instance answered its health endpoint; the code is the DC/OS-style number. */
public enum ComponentStatus {
  /** It answered 2xx. */
  UP(0),
  /** It answered, but not 2xx. */
  UNHEALTHY(1),
  /** It did not answer in time. */
  DOWN(2);

  private final int code;

  ComponentStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static ComponentStatus ofHttpStatus(int status) {
    return status >= 200 && status < 300 ? UP : UNHEALTHY;
  }

  /** The worse of the two. */
  public ComponentStatus worst(ComponentStatus other) {
    return other.code > code ? other : this;
  }
}
