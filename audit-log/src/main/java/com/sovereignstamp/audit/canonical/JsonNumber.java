package com.sovereignstamp.audit.canonical;

/**
 * A JSON number, held as the IEEE-754 double that RFC 8785 (like ECMAScript) assumes.
 *
 * <p>NaN and the infinities have no JSON form and are rejected. Negative zero is stored as positive
 * zero: RFC 8785 writes both as {@code 0}, so they are the same canonical value and compare equal
 * here too.
 *
 * @param value a finite double
 */
public record JsonNumber(double value) implements JsonValue {

  /** The largest magnitude, 2<sup>53</sup>, up to which every integer is exactly a double. */
  public static final long MAX_SAFE_MAGNITUDE = 1L << 53;

  /** Rejects NaN and infinities and folds {@code -0.0} into {@code 0.0}. */
  public JsonNumber {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
    }
    if (value == 0.0) {
      value = 0.0;
    }
  }

  /**
   * Returns the number for an integer, which must survive the round trip through a double.
   *
   * @param value an integer with {@code |value| <= 2^53}
   * @return the number
   * @throws IllegalArgumentException if {@code |value| > 2^53}: such an integer would be written as
   *     a nearby double (or not read back as itself), silently changing the entry
   */
  public static JsonNumber of(long value) {
    if (value > MAX_SAFE_MAGNITUDE || value < -MAX_SAFE_MAGNITUDE) {
      throw new IllegalArgumentException(
          "integer "
              + value
              + " is outside +/-2^53 and cannot be represented exactly as an IEEE-754 double;"
              + " write it as a string");
    }
    return new JsonNumber((double) value);
  }

  /**
   * Returns the value as a {@code long} if it is an integer within {@code +/-2^53}.
   *
   * @return the exact integer value
   * @throws ArithmeticException if the number has a fraction or is outside {@code +/-2^53}
   */
  public long longValueExact() {
    if (value != Math.rint(value) || Math.abs(value) > MAX_SAFE_MAGNITUDE) {
      throw new ArithmeticException(
          EcmaScriptNumbers.format(value) + " is not an integer within +/-2^53");
    }
    return (long) value;
  }
}
