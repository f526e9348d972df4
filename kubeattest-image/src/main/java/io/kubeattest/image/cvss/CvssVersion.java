package io.kubeattest.image.cvss;

/** The CVSS versions whose scores this package computes. */
public enum CvssVersion {
  V2,
  V3_0,
  V3_1,
  /**
   * CVSS v4.0: the score of whichever metric groups the vector carries (CVSS-B, -BT, -BE, -BTE).
   */
  V4_0
}
