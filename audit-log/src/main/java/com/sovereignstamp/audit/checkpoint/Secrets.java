package com.sovereignstamp.audit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a PIN or key store password comes from: an environment variable or a file, never a command
 * line argument (other users can read those) and never a log. Errors name the variable or file, not
 * its content. Callers should clear the returned array once the secret has been used.
 */
public final class Secrets {
  private Secrets() {}

  /** The value of {@code variable} in {@code environment} (usually {@link System#getenv()}). */
  public static char[] fromEnvironment(Map<String, String> environment, String variable)
      throws IOException {
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      throw new IOException("environment variable " + variable + " is not set or empty");
    }
    return value.toCharArray();
  }

  /** The first line of {@code file} (UTF-8, one trailing line break dropped). */
  public static char[] fromFile(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read the secret file " + file);
    }
    try {
      int end = bytes.length;
      if (end > 0 && bytes[end - 1] == '\n') {
        end--;
      }
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, end));
      char[] secret = new char[chars.remaining()];
      chars.get(secret);
      Arrays.fill(chars.array(), '\0');
      if (secret.length == 0) {
        throw new IOException("the secret file " + file + " is empty");
      }
      return secret;
    } catch (CharacterCodingException e) {
      throw new IOException("the secret file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
