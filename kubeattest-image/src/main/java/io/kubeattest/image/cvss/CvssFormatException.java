package io.kubeattest.image.cvss;

import io.kubeattest.engine.KubeattestException;

/** A CVSS vector string cannot be scored; the message names the vector and the problem. */
public final class CvssFormatException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  CvssFormatException(String vector, String problem) {
    super("invalid CVSS vector '" + vector + "': " + problem);
  }
}
