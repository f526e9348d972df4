package io.kubeattest.image.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Parses the RFC 822-like files of dpkg and Python metadata: paragraphs of {@code Field: value}
 * lines separated by blank lines, where a line starting with a space or tab continues the previous
 * field. Field names are case-insensitive; the first occurrence of a repeated field wins.
 */
final class ControlFileParser {
  private static final Pattern BLANK_LINE = Pattern.compile("\r?\n[ \t]*\r?\n");

  private ControlFileParser() {}

  /** All paragraphs of {@code text}. */
  static List<Map<String, String>> paragraphs(String text, String location) {
    List<Map<String, String>> paragraphs = new ArrayList<>();
    Map<String, String> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String field = null;
    boolean repeated = false;
    int lineNumber = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(current);
          current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        }
        field = null;
      } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (field == null) {
          throw bad(location, lineNumber, "continues a field, but no field precedes it");
        }
        if (!repeated) {
          current.merge(field, "\n" + line.strip(), String::concat);
        }
      } else {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw bad(location, lineNumber, "is not of the form 'Field: value'");
        }
        field = line.substring(0, colon).strip();
        repeated = current.containsKey(field);
        if (!repeated) {
          current.put(field, line.substring(colon + 1).strip());
        }
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    return paragraphs;
  }

  /** The first paragraph only (a Python METADATA header; the body after it is not parsed). */
  static Map<String, String> header(String text, String location) {
    String head = BLANK_LINE.split(text, 2)[0];
    List<Map<String, String>> first = paragraphs(head, location);
    return first.isEmpty() ? Map.of() : first.get(0);
  }

  private static PackageReadException bad(String location, int line, String problem) {
    return new PackageReadException(location + ": line " + line + " " + problem);
  }
}
