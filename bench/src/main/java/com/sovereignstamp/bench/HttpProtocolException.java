package com.sovereignstamp.bench;

import java.io.IOException;

/** An answer this driver cannot or will not read (malformed, or framed other than by length). */
final class HttpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  HttpProtocolException(String message) {
    super(message);
  }
}
