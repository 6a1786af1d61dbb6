package io.dcos.kernel.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Mesos-style command-line flags ({@code --work_dir=/var/lib/mesos}, {@code --zk=...})
 * into Spring property arguments ({@code --mesos.agent.work-dir=...}), so operators keep the flags
 * they know while configuration stays typed. Unknown flags are rejected with the list of known
 * ones; {@code --help} prints them.
 */
public final class CommandLineFlags {
  /** One known flag: its Mesos name, the property it sets, and a line of help. */
  public record Flag(String name, String property, String help) {}

  private final String program;
  private final Map<String, Flag> flags = new LinkedHashMap<>();

  public CommandLineFlags(String program, List<Flag> known) {
    this.program = program;
    known.forEach(f -> flags.put(f.name(), f));
  }

  /** Thrown for a flag the program does not know or a malformed one; the message says which. */
  public static final class UnknownFlagException extends IllegalArgumentException {
    public UnknownFlagException(String message) {
      super(message);
    }
  }

  /** Returns the property arguments for {@code args}; arguments already in property form pass. */
  public String[] translate(String[] args) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new UnknownFlagException(
            program + ": unexpected argument '" + arg + "'; flags look like --name=value");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? "true" : body.substring(eq + 1);
      if (name.contains(".")) {
        out.add(arg);
        continue;
      }
      String normalized = name.replace('-', '_');
      Flag flag = flags.get(normalized);
      if (flag == null) {
        throw new UnknownFlagException(
            program + ": unknown flag --" + name + "; known flags: " + String.join(", ", names()));
      }
      out.add("--" + flag.property() + "=" + value);
    }
    return out.toArray(String[]::new);
  }

  /**
   * For a program's main: the property arguments for {@code args}; prints the usage and exits 0 on
   * {@code --help}, prints what is wrong and exits 2 on a bad flag.
   */
  public String[] toPropertiesOrExit(String[] args) {
    if (wantsHelp(args)) {
      System.out.print(usage());
      System.exit(0);
    }
    try {
      return translate(args);
    } catch (UnknownFlagException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e;
    }
  }

  public boolean wantsHelp(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  public String usage() {
    StringBuilder sb = new StringBuilder("Usage: " + program + " [flags]\n\nFlags:\n");
    for (Flag f : flags.values()) {
      sb.append(String.format("  --%-28s %s%n", f.name() + "=VALUE", f.help()));
    }
    return sb.toString();
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    flags.keySet().forEach(n -> names.add("--" + n));
    return names;
  }
}
