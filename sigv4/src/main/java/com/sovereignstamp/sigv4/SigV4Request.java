package com.sovereignstamp.sigv4;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that SigV4 covers. Header names are case-insensitive; a header sent
 * more than once keeps all its values in order.
 *
 * @param method HTTP method, upper case
 * @param rawPath the path exactly as sent on the request line (still percent-encoded)
 * @param rawQuery the query string as sent, without '?', or empty
 * @param headers header name (any case) to its values
 * @param body the body bytes (empty when there is none)
 */
public record SigV4Request(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  public SigV4Request {
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lower.merge(
                name.toLowerCase(Locale.ROOT),
                List.copyOf(values),
                (a, b) -> {
                  var all = new java.util.ArrayList<>(a);
                  all.addAll(b);
                  return List.copyOf(all);
                }));
    headers = java.util.Collections.unmodifiableMap(lower);
    rawQuery = rawQuery == null ? "" : rawQuery;
    body = body == null ? new byte[0] : body;
  }

  /** All values of a header joined by commas, as SigV4 canonicalises them. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(",", values));
  }
}
