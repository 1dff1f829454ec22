package com.sovereignstamp.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaScriptNumberFormattingTest {

  private static final int SAMPLES = 50_000;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1, 1",
    "-1, -1",
    "0.5, 0.5",
    "100, 100",
    "123456789012345680000, 123456789012345680000",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e21, 1.5e+21",
    "1e-6, 0.000001",
    "1.5e-6, 0.0000015",
    "1e-7, 1e-7",
    "1.25e-7, 1.25e-7",
    "4.35, 4.35",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "2e-3, 0.002",
    "1E30, 1e+30",
    "4.9e-324, 5e-324",
    "2.2250738585072014E-308, 2.2250738585072014e-308",
    "1e-5, 0.00001",
    // JDK 17's Double.toString gets these wrong (JDK-4511638): 1.9999999999999998E23,
    // 9.999999999999999E22, 8.409999999999999E21, 2.82879384806159008E17, and the 17-digit
    // neighbours ...44E25 and ...8015E-14 instead of the closest. Expected values are from V8.
    "2e23, 2e+23",
    "1e23, 1e+23",
    "8.41e21, 8.41e+21",
    "2.82879384806159E17, 282879384806159000",
    "1.9400994884341945E25, 1.9400994884341945e+25",
    "5.684341886080802E-14, 5.684341886080802e-14"
  })
  void writesDoublesAsEcmaScriptNumberToString(double value, String expected) {
    assertThat(EcmaScriptNumbers.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "43ed7040212aa99a, 16970127485482880000",
    "4362f213885ed808, 42661722296074300",
    "43975e6e7431e6ca, 420976189003903600",
    "c3b61f0c49af2431, -1594006303722975500"
  })
  void writesFewerDigitsThanJdk17WhereItIsNotShortest(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(EcmaScriptNumbers.format(value)).isEqualTo(expected);
  }

  @Test
  void writesNegativeZeroAsZero() {
    assertThat(EcmaScriptNumbers.format(-0.0)).isEqualTo("0");
    assertThat(new JsonNumber(-0.0)).isEqualTo(new JsonNumber(0.0));
  }

  @Test
  void writesSafeIntegersExactlyWithoutExponentOrFraction() {
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(0))).isEqualTo("0");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(123))).isEqualTo("123");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(-42))).isEqualTo("-42");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(1L << 53)))
        .isEqualTo("9007199254740992");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(-(1L << 53))))
        .isEqualTo("-9007199254740992");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of((1L << 53) - 1)))
        .isEqualTo("9007199254740991");
    assertThat(CanonicalJson.serializeToString(JsonNumber.of(1_700_000_000_123_456L)))
        .isEqualTo("1700000000123456");
  }

  @Test
  void rejectsIntegersBeyondTwoToThe53() {
    assertThatThrownBy(() -> JsonNumber.of((1L << 53) + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^53");
    assertThatThrownBy(() -> JsonNumber.of(-(1L << 53) - 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonNumber.of(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonNumber.of(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.object().put("seq", Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsIntegersBackExactlyAndRefusesFractions() {
    assertThat(JsonNumber.of(-(1L << 53)).longValueExact()).isEqualTo(-(1L << 53));
    assertThat(new JsonNumber(123.0).longValueExact()).isEqualTo(123L);
    assertThatThrownBy(() -> new JsonNumber(1.5).longValueExact())
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new JsonNumber(1e20).longValueExact())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsNanAndInfinity() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> EcmaScriptNumbers.format(bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new JsonNumber(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void randomDoublesReadBackAsThemselvesWithTheShortestDigits() {
    SplittableRandom random = new SplittableRandom(8785);
    int checked = 0;
    while (checked < SAMPLES) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(value)) {
        continue;
      }
      checked++;
      assertShortestRoundTrip(value);
    }
  }

  @Test
  void randomDoublesOfEverydayMagnitudeReadBackAsThemselves() {
    SplittableRandom random = new SplittableRandom(20_26);
    for (int i = 0; i < SAMPLES; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-9, 25));
      assertShortestRoundTrip(value);
    }
  }

  @Test
  void powersOfTwoAndTheirNeighboursReadBackAsThemselves() {
    // Just above a power of two the round-trip interval is lopsided; check both sides of each.
    for (int exponent = -1074; exponent <= 1023; exponent++) {
      double power = Math.scalb(1.0, exponent);
      assertShortestRoundTrip(power);
      assertShortestRoundTrip(Math.nextUp(power));
      assertShortestRoundTrip(Math.nextDown(power));
    }
  }

  private static void assertShortestRoundTrip(double value) {
    String text = EcmaScriptNumbers.format(value);
    double back = Double.parseDouble(text);
    assertThat(back).as("%s read back from %s", value, text).isEqualTo(value == 0 ? 0.0 : value);
    assertThat(text).doesNotContain("E").doesNotStartWith("+");
    assertThat(CanonicalJson.parse(text.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new JsonNumber(value));
    if (value == 0) {
      return;
    }
    // No decimal with one digit fewer reads back as the value.
    int digits = significantDigits(text);
    if (digits > 1) {
      BigDecimal exact = new BigDecimal(Math.abs(value));
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
        assertThat(Double.parseDouble(shorter.toString()))
            .as("%s has a shorter form %s than %s", value, shorter, text)
            .isNotEqualTo(Math.abs(value));
      }
    }
    // Never longer than the (round-tripping, sometimes not shortest) JDK output.
    assertThat(digits).isLessThanOrEqualTo(significantDigits(Double.toString(value)));
  }

  private static int significantDigits(String number) {
    String mantissa = number.split("[eE]")[0].replace("-", "").replace(".", "");
    String stripped = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
    return Math.max(1, stripped.length());
  }
}
