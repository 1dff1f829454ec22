package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.format.IntegrityFailureException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A plaintext stream that turns an integrity failure part-way into an audited {@link IOException}
 * (so a response being written is aborted, never completed) and releases the cursor on close.
 */
final class AuditedPlaintext extends FilterInputStream {
  private final Runnable release;
  private final Supplier<StoredContentIntegrityException> onIntegrityFailure;
  private boolean closed;

  AuditedPlaintext(
      InputStream in,
      Runnable release,
      Supplier<StoredContentIntegrityException> onIntegrityFailure) {
    super(in);
    this.release = release;
    this.onIntegrityFailure = onIntegrityFailure;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IntegrityFailureException e) {
      throw new IOException(onIntegrityFailure.get());
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IntegrityFailureException e) {
      throw new IOException(onIntegrityFailure.get());
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      try {
        super.close();
      } finally {
        release.run();
      }
    }
  }
}
