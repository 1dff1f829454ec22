package com.sovereignstamp.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Failed requests by kind, e.g. {@code HTTP 429 ThrottlingException} or {@code I/O ...}. */
final class ErrorCounts {
  private static final Pattern ERROR_NAME =
      Pattern.compile("\"errorName\"\\s*:\\s*\"(\\w{1,64})\"");

  /** A problem+json (RFC 9457) type's last path segment, e.g. {@code storage-unavailable}. */
  private static final Pattern PROBLEM_TYPE =
      Pattern.compile("\"type\"\\s*:\\s*\"[^\"]{0,200}/([\\w-]{1,64})\"");

  private final Map<String, Long> counts = new TreeMap<>();

  void add(String kind) {
    counts.merge(kind, 1L, Long::sum);
  }

  /**
   * A wrong answer: the status and, when the body names one, the XKS error name or the problem
   * type.
   */
  void addAnswer(HttpResponse response) {
    if (response.status() == 200) {
      add("HTTP 200 with an unexpected body");
      return;
    }
    String body = new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher m = ERROR_NAME.matcher(body);
    Matcher p = PROBLEM_TYPE.matcher(body);
    add(
        "HTTP "
            + response.status()
            + (m.find() ? " " + m.group(1) : p.find() ? " " + p.group(1) : ""));
  }

  void addFailure(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    add("I/O " + e.getClass().getSimpleName() + message);
  }

  void addAll(ErrorCounts other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> byKind() {
    return Map.copyOf(counts);
  }

  /** e.g. {@code HTTP 429 ThrottlingException × 12; I/O EOFException × 1}, or empty. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append("; ");
          }
          sb.append(k).append(" × ").append(v);
        });
    return sb.toString();
  }
}
