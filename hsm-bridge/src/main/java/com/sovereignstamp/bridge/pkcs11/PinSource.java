package com.sovereignstamp.bridge.pkcs11;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the token's user PIN comes from. The PIN is read afresh for every login (start and
 * reconnect) so it is not kept in memory in between; callers zero the array after use.
 */
public sealed interface PinSource {

  /** Reads the PIN; the caller must {@code Arrays.fill(pin, '\0')} when done. */
  char[] read();

  /** The PIN is the first line of a file readable only by the service's user. */
  record FromFile(Path file) implements PinSource {
    @Override
    public char[] read() {
      byte[] bytes = null;
      try {
        bytes = Files.readAllBytes(file);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
          end++;
        }
        char[] pin = new char[end];
        chars.get(pin, 0, end);
        Arrays.fill(chars.array(), '\0');
        return pin;
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the PKCS#11 PIN file " + file, e);
      } finally {
        if (bytes != null) {
          Arrays.fill(bytes, (byte) 0);
        }
      }
    }

    @Override
    public String toString() {
      return "PIN from file " + file;
    }
  }

  /** The PIN is in an environment variable of the bridge process. */
  record FromEnvironment(String variable) implements PinSource {
    @Override
    public char[] read() {
      String value = System.getenv(variable);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException("environment variable " + variable + " holds no PIN");
      }
      return value.toCharArray();
    }

    @Override
    public String toString() {
      return "PIN from environment variable " + variable;
    }
  }
}
