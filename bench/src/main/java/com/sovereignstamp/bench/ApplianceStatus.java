package com.sovereignstamp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * What {@code GET /api/v1/status} says about the key cache and the audit log: DEKs cached, unwraps
 * at the bridge so far (it rises only on a cache miss or a refresh), audit entries.
 *
 * @param cached keys in the cache ({@code keys.cached})
 * @param unwraps unwraps since start ({@code keys.unwraps})
 * @param softTtl {@code keys.softTtl}, e.g. {@code PT1M}
 * @param auditEntries entries of the audit log ({@code audit.entries})
 */
record ApplianceStatus(long cached, long unwraps, String softTtl, long auditEntries) {
  static final String PATH = "/api/v1/status";

  static ApplianceStatus fetch(SSLContext context, Target target, Map<String, String> headers)
      throws IOException {
    try (TlsConnection c = TlsConnection.open(context, target)) {
      HttpResponse r = c.exchange(HttpRequestBytes.get(PATH, target.hostHeader(), headers));
      String body = new String(r.body(), StandardCharsets.UTF_8);
      if (r.status() != 200) {
        throw new IOException("GET " + PATH + ": HTTP " + r.status());
      }
      return parse(body);
    }
  }

  /** From the status document; only the members named above are read. */
  static ApplianceStatus parse(String json) {
    return new ApplianceStatus(
        number(json, "cached"),
        number(json, "unwraps"),
        string(json, "softTtl"),
        number(json, "entries"));
  }

  private static long number(String json, String member) {
    Matcher m = Pattern.compile("\"" + member + "\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("no number \"" + member + "\" in the status");
    }
    return Long.parseLong(m.group(1));
  }

  private static String string(String json, String member) {
    Matcher m = Pattern.compile("\"" + member + "\"\\s*:\\s*\"([^\"]{0,64})\"").matcher(json);
    return m.find() ? m.group(1) : "?";
  }
}
