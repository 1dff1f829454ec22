package com.sovereignstamp.bridge.xks;

/** The four XKS operations, named as they appear in the URI. */
public enum XksOperation {
  METADATA("metadata"),
  ENCRYPT("encrypt"),
  DECRYPT("decrypt"),
  HEALTH("health");

  private final String pathName;

  XksOperation(String pathName) {
    this.pathName = pathName;
  }

  public String pathName() {
    return pathName;
  }
}
