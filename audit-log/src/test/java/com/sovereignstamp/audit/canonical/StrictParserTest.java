package com.sovereignstamp.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictParserTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonValue parse(String s) {
    return CanonicalJson.parse(utf8(s));
  }

  @Test
  void parsesEveryKindOfValueWithInsignificantWhitespace() {
    JsonValue value =
        parse(
            " \t\r\n{ \"a\" : [ 1 , -2.5e+3 , 0.0 , -0 , 1E-2 ] , \"b\" : { } , \"c\" : [ ] ,"
                + " \"d\" : \"x\" , \"e\" : true , \"f\" : false , \"g\" : null } \n");

    assertThat(value)
        .isEqualTo(
            CanonicalJson.object()
                .put("a", CanonicalJson.array().add(1).add(-2500.0).add(0).add(0).add(0.01))
                .put("b", CanonicalJson.object())
                .put("c", CanonicalJson.array())
                .put("d", "x")
                .put("e", true)
                .put("f", false)
                .putNull("g")
                .build());
  }

  @Test
  void parsesTopLevelScalars() {
    assertThat(parse("42")).isEqualTo(JsonNumber.of(42));
    assertThat(parse("\"s\"")).isEqualTo(new JsonString("s"));
    assertThat(parse("null")).isEqualTo(JsonNull.INSTANCE);
    assertThat(parse(" true ")).isEqualTo(JsonBoolean.TRUE);
  }

  @Test
  void decodesAllEscapes() {
    assertThat(parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\\uD83D\\uDE00\""))
        .isEqualTo(new JsonString("\"\\/\b\f\n\r\tAé€😀"));
  }

  @Test
  void keepsNumbersAsTheNearestDouble() {
    assertThat(parse("333333333.33333329")).isEqualTo(new JsonNumber(333333333.3333333));
    assertThat(parse("1e-400")).isEqualTo(new JsonNumber(0));
    assertThat(parse("9007199254740993")).isEqualTo(JsonNumber.of(9007199254740992L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "[",
        "[1,",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "\"abc",
        "\"abc\\",
        "{} x",
        "{}{}",
        "1 2",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{,\"a\":1}",
        "{\"a\" 1}",
        "{a:1}",
        "{1:1}",
        "['a']",
        "tru",
        "True",
        "nul",
        "nulll",
        "NaN",
        "Infinity",
        "-Infinity",
        "+1",
        ".5",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "-",
        "-a",
        "0x10",
        "01",
        "-01",
        "00",
        "00.5",
        "1e400",
        "-1e400",
        "\"\\x\"",
        "\"\\a\"",
        "\"\\U0041\"",
        "\"\\u00G1\"",
        "\"\\u12\"",
        "\"\\u",
        "\"\\'\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ude00\\ud83d\"",
        "\"\\ud83d\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"nul\u0000\"",
        "\"\u001f\"",
        "[1]\u0000",
        "\u00a0[1]",
        "\ufeff[1]",
        "/* comment */ 1"
      })
  void rejectsTextThatIsNotStrictJson(String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(JsonParseException.class);
    assertThat(CanonicalJson.isCanonical(utf8(text))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"a\":1}",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "{\"a\":1,\"\\u0061\":2}",
        "[{\"x\":{\"k\":true,\"k\":false}}]"
      })
  void rejectsDuplicateMemberNames(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("duplicate member name");
  }

  @Test
  void rejectsMalformedUtf8() {
    byte[][] inputs = {
      {'"', (byte) 0xff, '"'},
      {'"', (byte) 0xc3, '"'}, // truncated sequence
      {'"', (byte) 0xc0, (byte) 0xaf, '"'}, // overlong '/'
      {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, // UTF-8-encoded surrogate U+D800
      {'"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
      {'"', (byte) 0x80, '"'} // lone continuation byte
    };
    for (byte[] input : inputs) {
      assertThatThrownBy(() -> CanonicalJson.parse(input))
          .isInstanceOf(JsonParseException.class)
          .hasMessageContaining("UTF-8");
      assertThat(CanonicalJson.isCanonical(input)).isFalse();
    }
  }

  @Test
  void reportsWhereTheProblemIs() {
    assertThatThrownBy(() -> parse("[1, 2, 03]"))
        .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(e.offset()).isEqualTo(8))
        .hasMessageContaining("leading zeros")
        .hasMessageContaining("offset 8");
  }

  @Test
  void boundsNestingDepth() {
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    String tooDeep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
    String hostile = "{\"a\":".repeat(100_000);

    assertThat(CanonicalJson.isCanonical(utf8(ok))).isTrue();
    assertThatThrownBy(() -> parse(tooDeep))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("nesting");
    assertThatThrownBy(() -> parse(hostile)).isInstanceOf(JsonParseException.class);
  }
}
