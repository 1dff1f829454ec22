package com.sovereignstamp.appliance.storage;

import java.util.regex.Pattern;

/**
 * The rules for the names clients choose. Both end up in URL paths and encryption contexts, so they
 * are plain ASCII tokens: no '/', no dot segments, no encoding tricks.
 */
public final class Names {
  /** 1-63 of a-z, 0-9, '-', '_', starting with a letter or digit. */
  private static final Pattern COLLECTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** 1-128 of A-Z, a-z, 0-9, '.', '_', '-', starting with a letter or digit. */
  private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private Names() {}

  public static String collection(String name) {
    if (name == null || !COLLECTION.matcher(name).matches()) {
      throw new InvalidInputException(
          "name", "must be 1-63 of a-z, 0-9, '-' and '_', starting with a letter or digit");
    }
    return name;
  }

  public static String documentId(String id) {
    if (id == null || !DOCUMENT.matcher(id).matches()) {
      throw new InvalidInputException(
          "id",
          "must be 1-128 of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
    }
    return id;
  }
}
