package com.sovereignstamp.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalFormPropertyTest {

  private static final int VALUES = 2_000;

  /** Characters that exercise escaping, sorting and UTF-8: controls, quotes, BMP, astral. */
  private static final String[] ALPHABET = {
    "a", "b", "Z", "1", " ", "/", ":", ",", "{", "\"", "\\", "\b", "\f", "\n", "\r", "\t", "\u0000",
    "\u001f", "\u007f", "\u0080", "é", "ö", "€", "\u2028", "\ufb33", "\uffff", "😀", "𝄞"
  };

  @Test
  void serializationIsDeterministicAndIgnoresInsertionOrder() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < VALUES; i++) {
      JsonObject value = entry(random);

      byte[] first = CanonicalJson.serialize(value);

      assertThat(CanonicalJson.serialize(value)).isEqualTo(first);
      assertThat(CanonicalJson.serialize(shuffled(value, random))).isEqualTo(first);
    }
  }

  @Test
  void serializedFormIsCanonicalAndParsesBackToTheSameValue() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < VALUES; i++) {
      JsonObject value = entry(random);

      byte[] canonical = CanonicalJson.serialize(value);

      assertThat(CanonicalJson.isCanonical(canonical))
          .as("canonical: %s", new String(canonical, StandardCharsets.UTF_8))
          .isTrue();
      assertThat(CanonicalJson.parse(canonical)).isEqualTo(value);
    }
  }

  @Test
  void otherSpellingsOfTheSameValueAreNotCanonicalButCanonicalizeToIt() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < VALUES; i++) {
      JsonObject value = entry(random);
      byte[] canonical = CanonicalJson.serialize(value);

      for (Spelling spelling : Spelling.values()) {
        byte[] variant = new VariantWriter(spelling).write(value);
        String shown = new String(variant, StandardCharsets.UTF_8);

        assertThat(variant).as("%s: %s", spelling, shown).isNotEqualTo(canonical);
        assertThat(CanonicalJson.isCanonical(variant)).as("%s: %s", spelling, shown).isFalse();
        assertThat(CanonicalJson.parse(variant)).as("%s: %s", spelling, shown).isEqualTo(value);
        assertThat(CanonicalJson.serialize(CanonicalJson.parse(variant))).isEqualTo(canonical);
      }
    }
  }

  /** A top-level entry: at least two members, all names non-empty, and a number. */
  private static JsonObject entry(SplittableRandom random) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    int size = random.nextInt(2, 7);
    while (members.size() < size) {
      members.putIfAbsent(string(random, 1, 6), value(random, 3));
    }
    members.putIfAbsent("seq", JsonNumber.of(random.nextLong(-(1L << 53), (1L << 53) + 1)));
    return new JsonObject(members);
  }

  private static JsonValue value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    return switch (kind) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> JsonBoolean.of(random.nextBoolean());
      case 2 -> new JsonString(string(random, 0, 8));
      case 3 -> JsonNumber.of(random.nextLong(-1_000_000, 1_000_000));
      case 4 -> new JsonNumber((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30)));
      case 5 -> {
        double d = Double.longBitsToDouble(random.nextLong());
        yield new JsonNumber(Double.isFinite(d) ? d : 0.5);
      }
      case 6 -> new JsonString(string(random, 1, 3));
      case 7 -> {
        List<JsonValue> elements = new ArrayList<>();
        int size = random.nextInt(0, 4);
        for (int i = 0; i < size; i++) {
          elements.add(value(random, depth - 1));
        }
        yield new JsonArray(elements);
      }
      default -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int size = random.nextInt(0, 4);
        for (int i = 0; i < size; i++) {
          members.putIfAbsent(string(random, 0, 4), value(random, depth - 1));
        }
        yield new JsonObject(members);
      }
    };
  }

  private static String string(SplittableRandom random, int minLength, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(minLength, maxLength + 1);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  private static JsonObject shuffled(JsonObject object, SplittableRandom random) {
    List<String> names = new ArrayList<>(object.members().keySet());
    Collections.shuffle(names, new java.util.Random(random.nextLong()));
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (String name : names) {
      JsonValue member = object.members().get(name);
      members.put(name, member instanceof JsonObject inner ? shuffled(inner, random) : member);
    }
    return new JsonObject(members);
  }

  /** Ways of writing the same value that RFC 8785 does not allow. */
  private enum Spelling {
    /** A space after every colon. */
    WHITESPACE,
    /** Members in descending instead of ascending name order. */
    UNSORTED,
    /** Every string character as an upper-case {@code \\uXXXX} escape. */
    ESCAPED,
    /** Numbers as Java's {@link Double#toString(double)} writes them. */
    JAVA_NUMBERS
  }

  /** A deliberately non-canonical JSON writer, independent of the one under test. */
  private static final class VariantWriter {

    private final Spelling spelling;
    private final StringBuilder out = new StringBuilder();

    VariantWriter(Spelling spelling) {
      this.spelling = spelling;
    }

    byte[] write(JsonValue value) {
      value(value);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(JsonValue value) {
      if (value instanceof JsonObject object) {
        List<String> names = new ArrayList<>(object.members().keySet());
        names.sort(spelling == Spelling.UNSORTED ? Collections.reverseOrder() : null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          out.append(i > 0 ? "," : "");
          string(names.get(i));
          out.append(spelling == Spelling.WHITESPACE ? ": " : ":");
          value(object.members().get(names.get(i)));
        }
        out.append('}');
      } else if (value instanceof JsonArray array) {
        out.append('[');
        for (int i = 0; i < array.elements().size(); i++) {
          out.append(i > 0 ? "," : "");
          value(array.elements().get(i));
        }
        out.append(']');
      } else if (value instanceof JsonString string) {
        string(string.value());
      } else if (value instanceof JsonNumber number) {
        out.append(
            spelling == Spelling.JAVA_NUMBERS
                ? Double.toString(number.value())
                : EcmaScriptNumbers.format(number.value()));
      } else if (value instanceof JsonBoolean bool) {
        out.append(bool.value());
      } else {
        out.append("null");
      }
    }

    private void string(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (spelling == Spelling.ESCAPED) {
          out.append(String.format("\\u%04X", (int) c));
        } else if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
  }
}
