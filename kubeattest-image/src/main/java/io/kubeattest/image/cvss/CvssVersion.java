package io.kubeattest.image.cvss;

/** The CVSS versions whose base score this package computes. */
public enum CvssVersion {
  V2,
  V3_0,
  V3_1
}
