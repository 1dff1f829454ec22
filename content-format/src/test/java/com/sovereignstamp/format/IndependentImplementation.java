package com.sovereignstamp.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second implementation of format version 1, written from docs/format.md with the JDK's own
 * provider (SunJCE AES/GCM/NoPadding and HmacSHA256) and a hand-written HKDF. It shares no code
 * with the main implementation, so vectors both reproduce are not merely self-consistent.
 */
final class IndependentImplementation {
  private static final String JDK = "SunJCE";
  private static final int SEGMENT = 65536;

  private IndependentImplementation() {}

  /** One key slot as the spec describes it, with the key bytes it names. */
  record Slot(int type, int version, byte[] keyId, byte[] key) {}

  record Context(String stampId, String region, String collection, String documentId) {}

  static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256", JDK);
    mac.init(new SecretKeySpec(salt, "HmacSHA256"));
    byte[] prk = mac.doFinal(ikm);
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    ByteArrayOutputStream okm = new ByteArrayOutputStream();
    byte[] t = new byte[0];
    for (int i = 1; okm.size() < length; i++) {
      mac.update(t);
      mac.update(info);
      mac.update((byte) i);
      t = mac.doFinal();
      okm.writeBytes(t);
    }
    return Arrays.copyOf(okm.toByteArray(), length);
  }

  static void lp(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length >> 8);
    out.write(b.length & 0xFF);
    out.writeBytes(b);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] context(Context c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lp(out, utf8(c.stampId()));
    lp(out, utf8(c.region()));
    lp(out, utf8(c.collection()));
    lp(out, utf8(c.documentId()));
    return out.toByteArray();
  }

  static byte[] keyDescriptor(List<Slot> slots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(slots.size());
    for (Slot s : slots) {
      out.write(s.type());
      out.write(s.version() >>> 24);
      out.write(s.version() >>> 16);
      out.write(s.version() >>> 8);
      out.write(s.version());
      out.writeBytes(s.keyId());
    }
    return out.toByteArray();
  }

  static byte[] header(List<Slot> slots, byte[] salt, byte[] prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(keyDescriptor(slots));
    out.writeBytes(salt);
    out.writeBytes(prefix);
    return out.toByteArray();
  }

  static String label(String purpose, boolean doubleKey) {
    String single =
        switch (purpose) {
          case "content" -> "content-v1";
          case "name" -> "name-v1";
          case "labels" -> "labels-v1";
          default -> throw new IllegalArgumentException(purpose);
        };
    return doubleKey ? (purpose.equals("content") ? "dke-v1" : "dke-" + single) : single;
  }

  static byte[] info(List<Slot> slots, Context c, String purpose) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lp(out, label(purpose, slots.size() == 2).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(context(c));
    out.writeBytes(keyDescriptor(slots));
    return out.toByteArray();
  }

  static byte[] objectKey(List<Slot> slots, byte[] salt, Context c, String purpose)
      throws GeneralSecurityException {
    ByteArrayOutputStream ikm = new ByteArrayOutputStream();
    for (Slot s : slots) {
      ikm.writeBytes(s.key());
    }
    return hkdfSha256(ikm.toByteArray(), salt, info(slots, c, purpose), 32);
  }

  static byte[] nonce(byte[] prefix, int index, boolean last) {
    byte[] n = Arrays.copyOf(prefix, 12);
    n[7] = (byte) (index >>> 24);
    n[8] = (byte) (index >>> 16);
    n[9] = (byte) (index >>> 8);
    n[10] = (byte) index;
    n[11] = (byte) (last ? 1 : 0);
    return n;
  }

  static List<byte[]> encrypt(
      List<Slot> slots, byte[] salt, byte[] prefix, Context c, String purpose, byte[] plaintext)
      throws GeneralSecurityException {
    byte[] key = objectKey(slots, salt, c, purpose);
    byte[] aad = concat(header(slots, salt, prefix), context(c));
    int count = Math.max(1, (plaintext.length + SEGMENT - 1) / SEGMENT);
    List<byte[]> segments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int from = i * SEGMENT;
      int to = Math.min(plaintext.length, from + SEGMENT);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", JDK);
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, nonce(prefix, i, i == count - 1)));
      gcm.updateAAD(aad);
      segments.add(gcm.doFinal(plaintext, from, to - from));
    }
    return segments;
  }

  /**
   * Decrypts per the spec; reads slot types, versions and key ids from the header and takes the key
   * bytes from {@code keys} in slot order. Throws on any failure.
   */
  static byte[] decrypt(
      byte[] header, List<byte[]> keys, Context c, String purpose, List<byte[]> segments)
      throws GeneralSecurityException {
    if (header.length < 2 || header[0] != 1) {
      throw new GeneralSecurityException("version");
    }
    int n = header[1];
    if ((n != 1 && n != 2) || header.length != 2 + 21 * n + 39 || keys.size() != n) {
      throw new GeneralSecurityException("header");
    }
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int at = 2 + 21 * i;
      int type = header[at];
      int version =
          ((header[at + 1] & 0xFF) << 24)
              | ((header[at + 2] & 0xFF) << 16)
              | ((header[at + 3] & 0xFF) << 8)
              | (header[at + 4] & 0xFF);
      boolean typeOk = i == 0 ? (type == 1 || type == 2) : type == 3;
      if (!typeOk || version < 1) {
        throw new GeneralSecurityException("slot");
      }
      slots.add(new Slot(type, version, Arrays.copyOfRange(header, at + 5, at + 21), keys.get(i)));
    }
    int at = 2 + 21 * n;
    byte[] salt = Arrays.copyOfRange(header, at, at + 32);
    byte[] prefix = Arrays.copyOfRange(header, at + 32, at + 39);
    byte[] key = objectKey(slots, salt, c, purpose);
    byte[] aad = concat(header, context(c));
    if (segments.isEmpty()) {
      throw new GeneralSecurityException("no segments");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segments.size(); i++) {
      boolean last = i == segments.size() - 1;
      byte[] s = segments.get(i);
      boolean sizeOk =
          last
              ? s.length <= SEGMENT + 16 && (s.length > 16 || (i == 0 && s.length == 16))
              : s.length == SEGMENT + 16;
      if (!sizeOk) {
        throw new GeneralSecurityException("segment size");
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", JDK);
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, nonce(prefix, i, last)));
      gcm.updateAAD(aad);
      out.writeBytes(gcm.doFinal(s));
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
