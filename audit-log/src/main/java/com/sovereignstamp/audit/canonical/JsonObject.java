package com.sovereignstamp.audit.canonical;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object. Member names are unique by construction (they are map keys); duplicate names in
 * parsed text or in a {@link CanonicalJson.ObjectBuilder} are rejected before an object exists.
 *
 * <p>The map keeps the order the members were given in, which only matters for display: the
 * canonical form sorts members by name.
 *
 * @param members the members by name; copied, neither names nor values may be {@code null}, names
 *     must be well-formed UTF-16
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

  /** Copies and validates the members. */
  public JsonObject {
    Objects.requireNonNull(members, "members");
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : members.entrySet()) {
      String name = Objects.requireNonNull(member.getKey(), "member name");
      Utf16.requireWellFormed(name, "member name");
      copy.put(name, Objects.requireNonNull(member.getValue(), () -> "value of member " + name));
    }
    members = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the value of a member.
   *
   * @param name the member name
   * @return the value, or {@code null} if there is no such member
   */
  public JsonValue get(String name) {
    return members.get(name);
  }
}
