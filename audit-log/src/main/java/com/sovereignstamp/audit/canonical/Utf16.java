package com.sovereignstamp.audit.canonical;

/** Checks that Java strings are well-formed UTF-16, that is free of lone surrogates. */
final class Utf16 {

  private Utf16() {}

  /**
   * Returns the index of the first lone surrogate in {@code s}, or -1 if there is none.
   *
   * @param s the text
   * @return the index of the first high surrogate not followed by a low one, or of the first low
   *     surrogate not preceded by a high one; -1 if the text is well-formed
   */
  static int firstLoneSurrogate(CharSequence s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Throws if {@code s} contains a lone surrogate.
   *
   * @param s the text
   * @param what what the text is, for the message
   */
  static void requireWellFormed(String s, String what) {
    int at = firstLoneSurrogate(s);
    if (at >= 0) {
      throw new IllegalArgumentException(
          String.format(
              "%s has a lone surrogate U+%04X at index %d; it has no UTF-8 encoding",
              what, (int) s.charAt(at), at));
    }
  }
}
