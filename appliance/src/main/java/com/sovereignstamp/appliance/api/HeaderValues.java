package com.sovereignstamp.appliance.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Document metadata sent as request headers, percent-encoded UTF-8 (RFC 3986): {@code
 * Stamp-Document-Name}, {@code Stamp-Labels} (comma-separated), {@code Stamp-Data-Subject}.
 */
final class HeaderValues {
  static final int MAX_NAME_BYTES = 1024;
  static final int MAX_LABELS = 64;

  private HeaderValues() {}

  static String name(String header) {
    if (header == null) {
      return null;
    }
    String name = decode("Stamp-Document-Name", header);
    if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw invalid("Stamp-Document-Name", "must be 1-" + MAX_NAME_BYTES + " bytes of UTF-8");
    }
    return name;
  }

  static List<String> labels(String header) {
    List<String> labels = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return labels;
    }
    for (String part : header.split(",", -1)) {
      String label = decode("Stamp-Labels", part.strip());
      if (label.isEmpty() || label.getBytes(StandardCharsets.UTF_8).length > 256) {
        throw invalid("Stamp-Labels", "each label must be 1-256 bytes of UTF-8");
      }
      labels.add(label);
    }
    if (labels.size() > MAX_LABELS) {
      throw invalid("Stamp-Labels", "at most " + MAX_LABELS + " labels");
    }
    return labels;
  }

  static String subject(String header) {
    if (header == null) {
      return null;
    }
    String subject = decode("Stamp-Data-Subject", header);
    if (subject.isEmpty() || subject.getBytes(StandardCharsets.UTF_8).length > 1024) {
      throw invalid("Stamp-Data-Subject", "must be 1-1024 bytes of UTF-8");
    }
    return subject;
  }

  /** Percent-decodes strictly: unreserved characters and %XX only, valid UTF-8. */
  static String decode(String header, String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '%') {
        if (i + 2 >= value.length()) {
          throw invalid(header, "has a broken %-escape");
        }
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw invalid(header, "has a broken %-escape");
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (unreserved(ch)) {
        out.write(ch);
      } else {
        throw invalid(header, "must be percent-encoded UTF-8");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(header, "is not UTF-8");
    }
  }

  /** Percent-encodes UTF-8 for a header such as {@code Content-Disposition: filename*=}. */
  static String encode(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xFF);
      if (ch < 0x80 && unreserved(ch)) {
        sb.append(ch);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  private static boolean unreserved(char ch) {
    return (ch >= 'A' && ch <= 'Z')
        || (ch >= 'a' && ch <= 'z')
        || (ch >= '0' && ch <= '9')
        || ch == '-'
        || ch == '.'
        || ch == '_'
        || ch == '~';
  }

  private static ProblemException invalid(String header, String message) {
    return new ProblemException(ProblemType.INVALID_REQUEST, header + " " + message);
  }
}
