package com.sovereignstamp.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonModelAndBuilderTest {

  @Test
  void buildsAnAuditEntryAndWritesItCanonically() {
    JsonObject entry =
        CanonicalJson.object()
            .put("event", "xks.call")
            .put("latencyMicros", 123)
            .put("ok", true)
            .put("keyId", "arn:aws:kms:eu-west-1:111122223333:key/é")
            .putNull("error")
            .put("ratio", 0.25)
            .put("tags", CanonicalJson.array().add("a").add(1).add(false).addNull())
            .put("caller", CanonicalJson.object().put("z", 1).put("a", 2))
            .build();

    assertThat(CanonicalJson.serializeToString(entry))
        .isEqualTo(
            "{\"caller\":{\"a\":2,\"z\":1},\"error\":null,\"event\":\"xks.call\","
                + "\"keyId\":\"arn:aws:kms:eu-west-1:111122223333:key/é\",\"latencyMicros\":123,"
                + "\"ok\":true,\"ratio\":0.25,\"tags\":[\"a\",1,false,null]}");
    assertThat(CanonicalJson.serialize(entry))
        .isEqualTo(CanonicalJson.serializeToString(entry).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsedEntryEqualsTheBuiltOne() {
    JsonObject entry =
        CanonicalJson.object().put("seq", 7).put("event", "probe").put("ok", false).build();

    JsonValue parsed = CanonicalJson.parse(CanonicalJson.serialize(entry));

    assertThat(parsed).isEqualTo(entry);
    assertThat(((JsonObject) parsed).get("seq")).isEqualTo(JsonNumber.of(7));
    assertThat(((JsonNumber) ((JsonObject) parsed).get("seq")).longValueExact()).isEqualTo(7L);
  }

  @Test
  void rejectsADuplicateMemberNameInTheBuilder() {
    CanonicalJson.ObjectBuilder builder = CanonicalJson.object().put("event", "a");

    assertThatThrownBy(() -> builder.put("event", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate member name \"event\"");
    assertThatThrownBy(() -> builder.putNull("event")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsLoneSurrogatesInStringsAndNames() {
    assertThatThrownBy(() -> new JsonString("a\ud800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate U+D800");
    assertThatThrownBy(() -> new JsonString("\udc00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonString("x\ud83d"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.object().put("\ude00", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonObject(Map.of("\ud800", JsonNull.INSTANCE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new JsonString("\ud83d\ude00").value()).isEqualTo("😀");
  }

  @Test
  void rejectsNulls() {
    Map<String, JsonValue> withNullValue = new HashMap<>();
    withNullValue.put("a", null);
    List<JsonValue> withNullElement = new ArrayList<>();
    withNullElement.add(null);

    assertThatThrownBy(() -> new JsonObject(withNullValue))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new JsonArray(withNullElement))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CanonicalJson.object().put("a", (String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CanonicalJson.serialize(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void valuesAreImmutableCopies() {
    Map<String, JsonValue> members = new HashMap<>();
    members.put("a", JsonBoolean.TRUE);
    List<JsonValue> elements = new ArrayList<>(List.of(JsonNull.INSTANCE));
    JsonObject object = new JsonObject(members);
    JsonArray array = new JsonArray(elements);
    CanonicalJson.ObjectBuilder builder = CanonicalJson.object().put("a", 1);
    JsonObject built = builder.build();

    members.put("b", JsonBoolean.FALSE);
    elements.add(JsonBoolean.FALSE);
    builder.put("b", 2);

    assertThat(object.members()).containsOnlyKeys("a");
    assertThat(array.elements()).containsExactly(JsonNull.INSTANCE);
    assertThat(built.members()).containsOnlyKeys("a");
    assertThatThrownBy(() -> object.members().put("c", JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> array.elements().add(JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void escapesStringsAsJsonStringifyDoes() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    String text = controls + "\"\\/\u007f\u0080\u2028\u2029é€😀";

    String serialized = CanonicalJson.serializeToString(new JsonString(text));

    assertThat(serialized)
        .isEqualTo(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\u0080\u2028"
                + "\u2029é€😀\"");
    assertThat(CanonicalJson.serialize(new JsonString("€😀")))
        .containsExactly(
            '"',
            0xe2 - 256,
            0x82 - 256,
            0xac - 256,
            0xf0 - 256,
            0x9f - 256,
            0x98 - 256,
            0x80 - 256,
            '"');
  }

  @Test
  void writesScalarsAndEmptyContainers() {
    assertThat(CanonicalJson.serializeToString(JsonNull.INSTANCE)).isEqualTo("null");
    assertThat(CanonicalJson.serializeToString(JsonBoolean.of(true))).isEqualTo("true");
    assertThat(CanonicalJson.serializeToString(JsonBoolean.of(false))).isEqualTo("false");
    assertThat(CanonicalJson.serializeToString(new JsonString(""))).isEqualTo("\"\"");
    assertThat(CanonicalJson.serializeToString(CanonicalJson.object().build())).isEqualTo("{}");
    assertThat(CanonicalJson.serializeToString(CanonicalJson.array().build())).isEqualTo("[]");
    assertThat(
            CanonicalJson.serializeToString(
                CanonicalJson.array()
                    .add(CanonicalJson.array())
                    .add(CanonicalJson.object())
                    .build()))
        .isEqualTo("[[],{}]");
  }
}
