package io.kubeattest.sources.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The processes of a proc tree ({@code /proc} or a fixture laid out like it), read from {@code
 * <proc>/<pid>/cmdline} (NUL-separated argv), {@code comm} and the {@code exe} link; {@code
 * environ} is read on demand. Never runs {@code ps}.
 *
 * <p>Kernel threads (empty cmdline) and processes that exit while being read are skipped silently.
 * A cmdline that cannot be read, is larger than the read limit or is not valid UTF-8 becomes an
 * error naming its path, and the process is skipped.
 */
public final class ProcessTable {
  private final Path proc;
  private final ReadLimits limits;
  private final List<ProcessInfo> processes;

  private ProcessTable(Path proc, ReadLimits limits, List<ProcessInfo> processes) {
    this.proc = proc;
    this.limits = limits;
    this.processes = List.copyOf(processes);
  }

  /**
   * Reads every numeric directory of {@code proc}.
   *
   * @throws NodeFactsException when {@code proc} is not a readable directory
   */
  static ProcessTable read(Path proc, ReadLimits limits, CollectionErrors errors) {
    List<ProcessInfo> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.length() < 19) {
          ProcessInfo info = readProcess(dir, Long.parseLong(name), limits, errors);
          if (info != null) {
            found.add(info);
          }
        }
      }
    } catch (IOException e) {
      throw new NodeFactsException(
          "cannot list the proc directory " + proc + " (expected a directory like /proc): " + e);
    }
    found.sort(Comparator.comparingLong(ProcessInfo::pid));
    return new ProcessTable(proc, limits, found);
  }

  /** Reads the processes of {@code proc}, throwing away per-process errors (for callers). */
  public static ProcessTable read(Path proc) {
    return read(proc, ReadLimits.DEFAULT, new CollectionErrors());
  }

  /** The processes, in pid order. */
  public List<ProcessInfo> processes() {
    return processes;
  }

  private static @Nullable ProcessInfo readProcess(
      Path dir, long pid, ReadLimits limits, CollectionErrors errors) {
    Path cmdline = dir.resolve("cmdline");
    byte[] bytes;
    try {
      bytes = readCapped(cmdline, limits.maxFileBytes());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      errors.add(cmdline.toString(), "cannot read the process command line: " + e);
      return null;
    }
    if (bytes.length > limits.maxFileBytes()) {
      errors.add(
          cmdline.toString(),
          "process command line is larger than the limit of " + limits.maxFileBytes() + " bytes");
      return null;
    }
    List<String> argv;
    try {
      argv = splitNul(bytes);
    } catch (CharacterCodingException e) {
      errors.add(cmdline.toString(), "process command line is not valid UTF-8");
      return null;
    }
    if (argv.isEmpty()) {
      return null;
    }
    return new ProcessInfo(pid, readComm(dir), readExe(dir), argv);
  }

  /**
   * The environment variables of a process whose names start with {@code prefix}; only those, so
   * that unrelated secrets in the environment never enter the facts. Empty when unreadable (the
   * error is recorded).
   */
  Map<String, String> environment(long pid, String prefix, CollectionErrors errors) {
    Map<String, String> env = new LinkedHashMap<>();
    Path environ = proc.resolve(Long.toString(pid)).resolve("environ");
    try {
      byte[] bytes = readCapped(environ, limits.maxFileBytes());
      if (bytes.length > limits.maxFileBytes()) {
        errors.add(environ.toString(), "environment is larger than " + limits.maxFileBytes());
        return env;
      }
      for (String entry : splitNul(bytes)) {
        int eq = entry.indexOf('=');
        if (eq > 0 && entry.startsWith(prefix)) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
    } catch (NoSuchFileException e) {
      // the process has gone, or the fixture has no environ: no environment settings
    } catch (IOException e) {
      errors.add(environ.toString(), "cannot read the process environment: " + e);
    }
    return env;
  }

  /** Reads at most {@code max + 1} bytes, so that callers can tell "too large". */
  static byte[] readCapped(Path file, long max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
  }

  private static List<String> splitNul(byte[] bytes) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\0') {
        if (i > start || i < text.length()) {
          parts.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }

  private static String readComm(Path dir) {
    try {
      byte[] bytes = readCapped(dir.resolve("comm"), 64);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static @Nullable String readExe(Path dir) {
    try {
      return Files.readSymbolicLink(dir.resolve("exe")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }
}
