package com.sovereignstamp.audit.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes doubles as ECMAScript's {@code Number.prototype.toString} does (ECMA-262 Number::toString,
 * required by RFC 8785 §3.2.2.3).
 *
 * <p>The digits are the shortest decimal that reads back as the same double, the one closest to the
 * double's exact value when several of that length do. {@link Double#toString(double)} is not used
 * for them: on JDK 17 it sometimes gives more digits than needed (JDK-4511638, fixed in JDK 19).
 * Instead the exact binary value is rounded to 1, 2, ... 17 significant digits and the first
 * precision at which a candidate round-trips through {@link Double#parseDouble(String)} (itself
 * correctly rounded) wins.
 */
final class EcmaScriptNumbers {

  private static final MathContext[] NEAREST = contexts(RoundingMode.HALF_EVEN);
  private static final MathContext[] DOWN = contexts(RoundingMode.FLOOR);
  private static final MathContext[] UP = contexts(RoundingMode.CEILING);

  private EcmaScriptNumbers() {}

  private static MathContext[] contexts(RoundingMode mode) {
    MathContext[] contexts = new MathContext[18];
    for (int p = 1; p < contexts.length; p++) {
      contexts[p] = new MathContext(p, mode);
    }
    return contexts;
  }

  /**
   * Formats a finite double.
   *
   * @param value the number
   * @return its ECMAScript string form
   * @throws IllegalArgumentException for NaN and the infinities
   */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("NaN and Infinity have no JSON form: " + value);
    }
    if (value == 0.0) {
      return "0"; // also for -0.0
    }
    StringBuilder out = new StringBuilder(26);
    if (value < 0) {
      out.append('-');
      value = -value;
    }
    BigDecimal shortest = shortestRoundTrip(value);
    // value = s * 10^(n-k) with s the k-digit integer `digits`, as in ECMA-262.
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int exponent = n - 1;
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }

  /**
   * Returns the shortest decimal that reads back as {@code value}, without trailing zeros in its
   * unscaled value; among the shortest, the one closest to the exact value (ties to even digits).
   *
   * @param value a positive finite double
   */
  static BigDecimal shortestRoundTrip(double value) {
    if (value <= JsonNumber.MAX_SAFE_MAGNITUDE && value == Math.rint(value)) {
      // Below 2^53 the spacing of doubles is at most 1, so no other integer, and hence no decimal
      // with fewer significant digits, reads back as this one: the integer itself is shortest.
      return new BigDecimal((long) value).stripTrailingZeros();
    }
    BigDecimal exact = new BigDecimal(value);
    // Some p-digit decimal reads back as the value if and only if p is at least the shortest
    // length, so walk down from a length known to work while one digit fewer still works.
    int p = jdkDigits(value);
    BigDecimal best = candidate(exact, p, value);
    if (best == null) {
      p = 17;
      best = candidate(exact, p, value);
    }
    while (p > 1) {
      BigDecimal shorter = candidate(exact, p - 1, value);
      if (shorter == null) {
        break;
      }
      best = shorter;
      p--;
    }
    if (best == null) {
      throw new IllegalStateException("no 17-digit decimal reads back as " + value);
    }
    return best.stripTrailingZeros();
  }

  /**
   * Returns the p-digit decimal closest to {@code exact} that reads back as {@code value}, or null
   * if no p-digit decimal does. Only the two p-digit neighbours of the exact value need trying: the
   * set of decimals that read back as the value is an interval around it.
   */
  private static BigDecimal candidate(BigDecimal exact, int p, double value) {
    BigDecimal nearest = exact.round(NEAREST[p]);
    if (readsBackAs(nearest, value)) {
      return nearest;
    }
    // The round-trip interval is lopsided just above a power of two, so the nearest candidate
    // can fall outside it while the one on the other side of the exact value is inside.
    int side = nearest.compareTo(exact);
    if (side != 0) {
      BigDecimal other = exact.round(side > 0 ? DOWN[p] : UP[p]);
      if (readsBackAs(other, value)) {
        return other;
      }
    }
    return null;
  }

  /**
   * Counts the significant digits of {@link Double#toString(double)}, a length that reads back on
   * every JDK but is not always the shortest on JDK 17; capped to 1..17.
   */
  private static int jdkDigits(double value) {
    String s = Double.toString(value);
    int end = s.indexOf('E');
    if (end < 0) {
      end = s.length();
    }
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (first < 0 && c != '0') {
          first = count;
        }
        if (c != '0') {
          last = count;
        }
        count++;
      }
    }
    if (first < 0) {
      return 1;
    }
    return Math.max(1, Math.min(17, last - first + 1));
  }

  private static boolean readsBackAs(BigDecimal candidate, double value) {
    return Double.parseDouble(candidate.toString()) == value;
  }
}
