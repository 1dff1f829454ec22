package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.storage.InvalidInputException;
import com.sovereignstamp.appliance.storage.Names;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque listing cursors: {@code base64url("d1:" + last id)}. */
final class Cursors {
  private static final String PREFIX = "d1:";

  private Cursors() {}

  static String encode(String lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The id after which to continue, or null for none. */
  static String decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!s.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      return Names.documentId(s.substring(PREFIX.length()));
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw new ProblemException(ProblemType.INVALID_CURSOR, null);
    }
  }
}
