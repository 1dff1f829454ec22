package com.sovereignstamp.format;

/**
 * What an object key is for, as the HKDF purpose label (docs/format.md, "Purpose labels"). The
 * double-key labels are used whenever the header holds a second-key slot.
 */
public enum Purpose {
  CONTENT("content-v1", "dke-v1"),
  NAME("name-v1", "dke-name-v1"),
  LABELS("labels-v1", "dke-labels-v1");

  private final String singleKeyLabel;
  private final String doubleKeyLabel;

  Purpose(String singleKeyLabel, String doubleKeyLabel) {
    this.singleKeyLabel = singleKeyLabel;
    this.doubleKeyLabel = doubleKeyLabel;
  }

  public String label(boolean doubleKey) {
    return doubleKey ? doubleKeyLabel : singleKeyLabel;
  }
}
