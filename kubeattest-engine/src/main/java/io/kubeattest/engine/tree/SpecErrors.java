package io.kubeattest.engine.tree;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kubeattest.engine.model.SourceLocation;

/**
 * Turns problems in user-written YAML specs (rule files, framework files, the configuration file)
 * into one-line messages that start with {@code file:line}. The spec was read with positions and
 * mapped to records with Jackson; a mapping error carries the field path, which positions turn into
 * a line.
 */
public final class SpecErrors {
  private SpecErrors() {}

  /** Where {@code path} is, or its nearest present parent; line 1 when nothing is known. */
  public static SourceLocation location(String file, Positions positions, FieldPath path) {
    SourceLocation location = positions.locateNearest(path);
    return location != null ? location : new SourceLocation(file, 1, 1);
  }

  /** The {@code "file:line: "} prefix of a message about {@code path}. */
  public static String at(String file, Positions positions, FieldPath path) {
    SourceLocation location = location(file, positions, path);
    return location.file() + ":" + location.line() + ": ";
  }

  /** The field a Jackson mapping error is about; the root when it names none. */
  public static FieldPath pathOf(IllegalArgumentException e) {
    FieldPath path = FieldPath.root();
    if (e.getCause() instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path = path.key(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path = path.index(reference.getIndex());
        }
      }
    }
    return path;
  }

  /** One line saying what is wrong: an unknown field, or a value of the wrong type. */
  public static String describe(IllegalArgumentException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e.getCause() instanceof JsonMappingException mapping) {
      String message = String.valueOf(mapping.getOriginalMessage());
      return "wrong type for '" + pathOf(e) + "': " + message.lines().findFirst().orElse("");
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
