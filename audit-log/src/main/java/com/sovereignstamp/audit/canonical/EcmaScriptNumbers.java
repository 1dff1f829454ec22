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
    BigDecimal exact = new BigDecimal(value);
    for (int p = 1; p <= 17; p++) {
      BigDecimal nearest = exact.round(NEAREST[p]);
      if (readsBackAs(nearest, value)) {
        return nearest.stripTrailingZeros();
      }
      // The round-trip interval is lopsided just above a power of two, so the nearest candidate
      // can fall outside it while the one on the other side of the exact value is inside.
      int side = nearest.compareTo(exact);
      if (side != 0) {
        BigDecimal other = exact.round(side > 0 ? DOWN[p] : UP[p]);
        if (readsBackAs(other, value)) {
          return other.stripTrailingZeros();
        }
      }
    }
    throw new IllegalStateException("no 17-digit decimal reads back as " + value);
  }

  private static boolean readsBackAs(BigDecimal candidate, double value) {
    return Double.parseDouble(candidate.toString()) == value;
  }
}
