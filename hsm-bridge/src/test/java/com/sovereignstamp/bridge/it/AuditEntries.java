package com.sovereignstamp.bridge.it;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.audit.merkle.TreeHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A bridge's audit trail as stored: entries in index order, parsed. */
record AuditEntries(List<JsonObject> entries, List<String> raw) {

  static AuditEntries read(Connection c) throws SQLException {
    List<JsonObject> parsed = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT entry_index, entry, leaf_hash FROM audit_entry ORDER BY entry_index");
        ResultSet rs = ps.executeQuery()) {
      long expected = 0;
      while (rs.next()) {
        if (rs.getLong(1) != expected++) {
          throw new AssertionError("audit log has a gap before index " + rs.getLong(1));
        }
        byte[] entry = rs.getBytes(2);
        if (!CanonicalJson.isCanonical(entry)) {
          throw new AssertionError("entry " + rs.getLong(1) + " is not canonical JSON");
        }
        if (!MessageDigest.isEqual(TreeHashes.leafHash(entry), rs.getBytes(3))) {
          throw new AssertionError("entry " + rs.getLong(1) + " does not match its leaf hash");
        }
        parsed.add((JsonObject) CanonicalJson.parse(entry));
        raw.add(new String(entry, StandardCharsets.UTF_8));
      }
    }
    return new AuditEntries(parsed, raw);
  }

  static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.value() : "";
  }

  static long number(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonNumber n ? (long) n.value() : 0;
  }

  /**
   * XKS calls the trail accounts for: one per {@code call} entry, {@code count} per reads entry.
   */
  long xksCallsRecorded() {
    long n = 0;
    for (JsonObject e : entries) {
      if (!"xks".equals(text(e, "api"))) {
        continue;
      }
      if ("call".equals(text(e, "type"))) {
        n++;
      } else if ("reads".equals(text(e, "type"))) {
        n += number(e, "count");
      }
    }
    return n;
  }

  List<JsonObject> calls(Predicate<JsonObject> which) {
    return entries.stream().filter(e -> "call".equals(text(e, "type"))).filter(which).toList();
  }

  Optional<JsonObject> call(String kmsRequestId) {
    return calls(e -> kmsRequestId.equals(text(e, "kmsRequestId"))).stream().findFirst();
  }

  List<JsonObject> events(String event) {
    return entries.stream()
        .filter(e -> "event".equals(text(e, "type")) && event.equals(text(e, "event")))
        .toList();
  }

  List<JsonObject> reads(String operation) {
    return entries.stream()
        .filter(e -> "reads".equals(text(e, "type")) && operation.equals(text(e, "operation")))
        .toList();
  }
}
