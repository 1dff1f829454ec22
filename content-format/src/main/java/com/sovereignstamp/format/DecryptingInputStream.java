package com.sovereignstamp.format;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;

/** Pulls one segment at a time from the iterator; the last is the one with no successor. */
final class DecryptingInputStream extends InputStream {
  private final SegmentDecryptor decryptor;
  private final Iterator<byte[]> segments;
  private byte[] current = new byte[0];
  private int position;
  private int nextIndex;
  private boolean ended;

  DecryptingInputStream(SegmentDecryptor decryptor, Iterator<byte[]> segments) {
    this.decryptor = decryptor;
    this.segments = segments;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (position == current.length) {
      if (ended) {
        return -1;
      }
      advance();
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  private void advance() {
    if (!segments.hasNext()) {
      // only reachable before the first segment: a document has at least one
      throw new IntegrityFailureException(decryptor.documentId());
    }
    byte[] ciphertext = segments.next();
    boolean last = !segments.hasNext();
    Arrays.fill(current, (byte) 0);
    current = decryptor.decryptSegment(nextIndex++, ciphertext, last);
    position = 0;
    ended = last;
  }

  @Override
  public void close() {
    Arrays.fill(current, (byte) 0);
    current = new byte[0];
    position = 0;
    ended = true;
  }
}
