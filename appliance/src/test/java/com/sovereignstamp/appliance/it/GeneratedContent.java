package com.sovereignstamp.appliance.it;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Deterministic pseudo-random content of any length, generated on the fly (no memory held). */
final class GeneratedContent extends InputStream {
  private final long size;
  private long position;
  private long state;

  GeneratedContent(long size, long seed) {
    this.size = size;
    this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(len, size - position);
    for (int i = 0; i < n; i++) {
      if (((position + i) & 7) == 0) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
      }
      b[off + i] = (byte) (state >>> (((position + i) & 7) * 8));
    }
    position += n;
    return n;
  }

  /** The SHA-256 of a stream, read to its end. */
  static byte[] sha256(InputStream in) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        d.update(buffer, 0, n);
      }
      return d.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
