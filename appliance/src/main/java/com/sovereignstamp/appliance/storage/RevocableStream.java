package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.mode.ModeRefusedException;
import com.sovereignstamp.appliance.mode.OperatingMode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Plaintext that stops flowing the moment the stamp is revoked: every read asks the mode first, so
 * a download running when the officers revoke the key ends there (the connection is cut) instead of
 * serving the rest from memory.
 */
final class RevocableStream extends FilterInputStream {
  private final OperatingMode mode;

  RevocableStream(InputStream in, OperatingMode mode) {
    super(in);
    this.mode = mode;
  }

  @Override
  public int read() throws IOException {
    check();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    check();
    return super.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    check();
    return super.skip(n);
  }

  private void check() throws IOException {
    try {
      mode.checkNotRevoked();
    } catch (ModeRefusedException e) {
      throw new IOException("the stamp is revoked: the download is stopped", e);
    }
  }
}
