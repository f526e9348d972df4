package io.kubeattest.engine.rules;

/** Unix permission bits, for the {@code modeAtMost} CEL function. */
final class FileMode {
  private FileMode() {}

  /**
   * Parses an octal mode such as {@code 600}, {@code 0644} or {@code 0o755}.
   *
   * @throws IllegalArgumentException naming the text when it is not an octal mode
   */
  static long parse(String text) {
    String digits = text.strip();
    if (digits.startsWith("0o") || digits.startsWith("0O")) {
      digits = digits.substring(2);
    }
    if (digits.isEmpty()
        || digits.length() > 6
        || !digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
      throw new IllegalArgumentException("'" + text + "' is not an octal file mode");
    }
    return Long.parseLong(digits, 8);
  }

  /** True when {@code mode} sets no permission bit that {@code allowed} does not. */
  static boolean atMost(long mode, long allowed) {
    return (mode & 07777 & ~allowed) == 0;
  }
}
