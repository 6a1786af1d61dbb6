package io.dcos.marathon.core.placement;

/** The scalar resources an app asks for, with the kernel's resource names. */
public enum ScalarKind {
  CPUS("cpus"),
  MEM("mem"),
  DISK("disk"),
  GPUS("gpus");

  private final String resourceName;

  ScalarKind(String resourceName) {
    this.resourceName = resourceName;
  }

  /** The resource name in an offer ({@code cpus}, {@code mem}, ...). */
  public String resourceName() {
    return resourceName;
  }
}
