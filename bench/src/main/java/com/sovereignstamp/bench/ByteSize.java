package com.sovereignstamp.bench;

import java.util.Locale;

/** Sizes in bytes as the driver's flags write them: {@code 4096}, {@code 4KiB}, {@code 1GiB}. */
final class ByteSize {
  private ByteSize() {}

  static long parse(String text) {
    String t = text.strip().replace(" ", "");
    long unit = 1;
    String number = t;
    for (String[] suffix :
        new String[][] {{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"}}) {
      if (t.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        number = t.substring(0, t.length() - suffix[0].length());
        break;
      }
    }
    try {
      long n = Long.parseLong(number);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size (e.g. 4096, 4KiB, 1GiB): " + text);
    }
  }

  /** {@code 4 KiB}, {@code 1 GiB}, {@code 100 B}: the largest unit that divides the size. */
  static String describe(long bytes) {
    String[] units = {"GiB", "MiB", "KiB"};
    long[] sizes = {1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
        return String.format(Locale.ROOT, "%d %s", bytes / sizes[i], units[i]);
      }
    }
    return bytes + " B";
  }
}
