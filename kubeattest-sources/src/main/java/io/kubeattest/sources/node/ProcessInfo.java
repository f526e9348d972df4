package io.kubeattest.sources.node;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process read from a proc tree.
 *
 * @param pid the process id (the directory name under proc)
 * @param comm the kernel's process name ({@code comm}, at most 15 characters), or empty when
 *     unreadable
 * @param exe the target of the {@code exe} link, or null when it cannot be read (normal without
 *     privileges)
 * @param argv the command line, never empty
 */
public record ProcessInfo(long pid, String comm, @Nullable String exe, List<String> argv) {

  /** Copies argv and checks that it is not empty. */
  public ProcessInfo {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("process " + pid + " has an empty command line");
    }
  }

  /** The basename of argv[0]. */
  public String program() {
    String first = argv.get(0);
    return first.substring(first.lastIndexOf('/') + 1);
  }
}
