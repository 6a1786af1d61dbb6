package io.dcos.kernel.model;

/**
 * Identifies one kind of resource on an agent: its name ({@code cpus}, {@code mem}, {@code ports},
 * ...) and the role it is reserved to, {@link #UNRESERVED} when anyone may use it.
 */
public record ResourceKey(String name, String role) implements Comparable<ResourceKey> {
  /** The role of resources that are not reserved, as Mesos writes it. */
  public static final String UNRESERVED = "*";

  public ResourceKey {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a resource needs a name");
    }
    role = role == null || role.isEmpty() ? UNRESERVED : role;
  }

  public boolean reserved() {
    return !UNRESERVED.equals(role);
  }

  @Override
  public int compareTo(ResourceKey o) {
    int c = name.compareTo(o.name);
    return c != 0 ? c : role.compareTo(o.role);
  }

  @Override
  public String toString() {
    return reserved() ? name + "(" + role + ")" : name;
  }
}
