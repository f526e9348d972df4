package io.kubeattest.engine.model;

/**
 * A place in an input: the file as the user named it ({@code -} for standard input), and a 1-based
 * line and column.
 */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    if (file.isEmpty()) {
      throw new IllegalArgumentException("file must not be empty");
    }
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** {@code file:line}, as compilers and editors print it. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
