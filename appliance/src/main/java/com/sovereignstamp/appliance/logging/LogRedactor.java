package com.sovereignstamp.appliance.logging;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never reach a log in a line of log text and replaces each finding with a stable
 * marker: tokens ({@value #TOKEN}), credentials and secret values ({@value #SECRET}), e-mail
 * addresses ({@value #EMAIL}) and long runs that could be key material ({@value #KEY}). Key ids,
 * UUIDs, collection names, paths and incident ids stay readable. Redacting twice changes nothing.
 *
 * <p>Key material: a run of at least {@value #MIN_BASE64} Base64/Base64url characters (30 bytes or
 * more — every 256-bit key, encoded) that mixes upper case, lower case and digits, or a run of at
 * least {@value #MIN_HEX} hex digits (32 bytes). Words, identifiers, UUIDs (36 characters), key ids
 * of 16 bytes in hex, class names and file or URL paths are not such runs; a run is taken for a
 * path when it holds {@code /} and each of its segments is a word ({@code loans}, {@code
 * Documents}, {@code META-INF}, {@code v1}). A run right after a label saying it is a key id or a
 * hash ({@code kid=}, {@code key id}, {@code root}) is kept. Shorter keys (128 bits) look like ids
 * and are not recognised: the code never logs key bytes in the first place.
 *
 * <p>Every pattern is linear: runs only start where the previous character cannot belong to them,
 * and quantifiers are possessive, so a line of any length is redacted in one pass per rule.
 */
public final class LogRedactor {
  public static final String TOKEN = "[redacted:token]";
  public static final String SECRET = "[redacted:secret]";
  public static final String EMAIL = "[redacted:email]";
  public static final String KEY = "[redacted:key]";

  static final int MIN_BASE64 = 40;
  static final int MIN_HEX = 64;

  /** A JWS, JWE or unsigned JWT: a Base64url JSON header ({@code eyJ}) and one to four parts. */
  private static final Pattern JWT =
      Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++(?:\\.[A-Za-z0-9_-]*+){1,4}+");

  /** The credentials of an HTTP authorization scheme (RFC 6750 b64token, RFC 7617). */
  private static final Pattern SCHEME_CREDENTIALS =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?i:(bearer|basic))(\\s++)"
              + "([A-Za-z0-9._~+/-]++=*+)(?![A-Za-z0-9._~+/=\"-])");

  private static final String SECRET_NAME =
      "[A-Za-z0-9_.-]*?(?i:password|passwd|pwd|secret|token|credentials?|api[_-]?key"
          + "|private[_-]?key|secret[_-]?key)";

  /** {@code name=value}: forms, query strings, properties, {@code toString()}. */
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])("
              + SECRET_NAME
              + ")(\\s*+=\\s*+)(?!\\[redacted:)(\"[^\"]*+\"|'[^']*+'|[^\\s&,;\"'}\\])]++)");

  /** {@code "name": "}, the start of a JSON string member whose value is a secret. */
  private static final Pattern JSON_SECRET_MEMBER =
      Pattern.compile("\"" + SECRET_NAME + "\"\\s*+:\\s*+\"");

  /** An address, also percent-encoded ({@code %40}) as in a URL or a header. */
  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]++(?:@|%40)[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++){1,16}+");

  private static final Pattern HEX_RUN =
      Pattern.compile("(?<![A-Za-z0-9])(?:0[xX])?[0-9a-fA-F]{" + MIN_HEX + ",}+(?![A-Za-z0-9])");

  private static final Pattern BASE64_RUN =
      Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{" + MIN_BASE64 + ",}+=*+");

  /** A path segment that is a word: lower case, one capital first, or all capitals. */
  private static final Pattern WORD_SEGMENT = Pattern.compile("[A-Z]?[a-z0-9_-]*+|[A-Z0-9_-]*+");

  /** What may stand right before an identifier that only looks like key material. */
  private static final Pattern IDENTIFIER_LABEL =
      Pattern.compile(
          "(?i)(?:kid|key[ _-]?id|root(?:[ _-]?hash)?|fingerprint)[\"']?\\s*[:=]?\\s*[\"']?$");

  private static final int LABEL_WINDOW = 24;

  private LogRedactor() {}

  /** The text with every finding replaced; the same instance if nothing was found. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.contains("eyJ")) {
      s = JWT.matcher(s).replaceAll(Matcher.quoteReplacement(TOKEN));
    }
    s = SCHEME_CREDENTIALS.matcher(s).replaceAll(LogRedactor::schemeCredentials);
    if (s.indexOf('=') >= 0 || s.indexOf(':') >= 0) {
      s = SECRET_ASSIGNMENT.matcher(s).replaceAll(LogRedactor::secretAssignment);
      s = jsonSecrets(s);
    }
    if (s.indexOf('@') >= 0 || s.contains("%40")) {
      s = EMAIL_ADDRESS.matcher(s).replaceAll(LogRedactor::emailAddress);
    }
    if (s.length() >= MIN_BASE64) {
      String t = s;
      s = HEX_RUN.matcher(t).replaceAll(m -> keyUnlessLabelled(t, m));
      String u = s;
      s =
          BASE64_RUN
              .matcher(u)
              .replaceAll(m -> isKeyLike(m.group()) ? keyUnlessLabelled(u, m) : q(m));
    }
    return s.equals(text) ? text : s;
  }

  private static String schemeCredentials(MatchResult m) {
    String value = m.group(3);
    if (value.matches("[A-Za-z][a-z]*+")) {
      return q(m); // a word ("Bearer tokens"), not credentials
    }
    String kind = m.group(1).equalsIgnoreCase("bearer") ? TOKEN : SECRET;
    return Matcher.quoteReplacement(m.group(1) + m.group(2) + kind);
  }

  private static String secretAssignment(MatchResult m) {
    return Matcher.quoteReplacement(m.group(1) + m.group(2) + SECRET);
  }

  /**
   * Redacts the value of each JSON member named like a secret. The closing quote is found here
   * rather than by a pattern for escaped strings, which would repeat a group: Java's matcher may
   * recurse once per repetition, and a long value could exhaust the stack.
   */
  private static String jsonSecrets(String s) {
    if (s.indexOf('"') < 0) {
      return s;
    }
    Matcher m = JSON_SECRET_MEMBER.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    int from = 0;
    while (from < s.length() && m.find(from)) {
      int end = closingQuote(s, m.end());
      out.append(s, copied, m.end()).append(SECRET);
      copied = end;
      from = Math.min(end + 1, s.length());
    }
    return copied == 0 ? s : out.append(s, copied, s.length()).toString();
  }

  /** The index of the quote that ends a JSON string starting at {@code from}; the end if none. */
  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return s.length();
  }

  private static String emailAddress(MatchResult m) {
    String address = m.group();
    String topLevel = address.substring(address.lastIndexOf('.') + 1);
    return topLevel.length() >= 2 && topLevel.chars().allMatch(Character::isLetter)
        ? Matcher.quoteReplacement(EMAIL)
        : q(m);
  }

  /** Mixed upper case, lower case and digits, and not a path of words. */
  static boolean isKeyLike(String run) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && digit && !isPathOfWords(run);
  }

  private static boolean isPathOfWords(String run) {
    if (run.indexOf('/') < 0) {
      return false;
    }
    for (String segment : run.split("/", -1)) {
      if (!WORD_SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String keyUnlessLabelled(String text, MatchResult m) {
    String before = text.substring(Math.max(0, m.start() - LABEL_WINDOW), m.start());
    return IDENTIFIER_LABEL.matcher(before).find() ? q(m) : Matcher.quoteReplacement(KEY);
  }

  /** The match itself, unchanged. */
  private static String q(MatchResult m) {
    return Matcher.quoteReplacement(m.group());
  }
}
