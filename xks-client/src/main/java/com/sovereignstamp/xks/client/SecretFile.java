package com.sovereignstamp.xks.client;

import com.sovereignstamp.sigv4.SigningSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads secrets (SigV4 secret, TLS private key, passwords) from files only the service's user can
 * read. On a POSIX file system a file that its group or others may read or write is refused, and so
 * is a symbolic link to one (links are followed, their target is checked), a file that is not a
 * regular file, and one larger than {@value #MAX_BYTES} bytes. Messages name the file, never its
 * content. The buffers this class fills are zeroed before it returns; what the caller receives it
 * must zero itself.
 *
 * <p>On a file system without POSIX permissions (Windows) there is nothing to check and the file is
 * read as it is.
 */
public final class SecretFile {
  /** The largest secret file read: a PKCS#8 RSA-4096 key is about 3.3 KB. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private SecretFile() {}

  /**
   * Refuses a file that group or others may read or write, or that is not a regular file.
   *
   * @throws IllegalStateException naming the file and its mode
   * @throws UncheckedIOException when the file cannot be inspected (e.g. it does not exist)
   */
  public static void requireOwnerOnly(Path file) {
    PosixFileAttributes attributes;
    try {
      if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
        requireRegular(file, Files.isRegularFile(file));
        return;
      }
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect the secret file " + file, e);
    }
    requireRegular(file, attributes.isRegularFile());
    Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
    exposed.addAll(attributes.permissions());
    exposed.retainAll(GROUP_OR_OTHERS);
    if (!exposed.isEmpty()) {
      throw new IllegalStateException(
          "the secret file "
              + file
              + " is readable or writable by group or others (mode "
              + PosixFilePermissions.toString(attributes.permissions())
              + "): allow only its owner, the service's user (chmod 600)");
    }
  }

  /** The whole file, after {@link #requireOwnerOnly}; the caller zeroes the array. */
  public static byte[] readBytes(Path file) {
    requireOwnerOnly(file);
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new IllegalStateException(
            "the secret file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret file " + file, e);
    }
  }

  /**
   * The first line of the file (UTF-8, without its line end), after {@link #requireOwnerOnly}; the
   * caller zeroes the array. For passwords and PINs.
   *
   * @throws IllegalStateException when the line is empty or not UTF-8
   */
  public static char[] firstLine(Path file) {
    byte[] raw = readBytes(file);
    try {
      int end = 0;
      while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
        end++;
      }
      if (end == 0) {
        throw new IllegalStateException("the secret file " + file + " has an empty first line");
      }
      return decode(file, raw, end);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * A SigV4 secret access key: the first line of the file, which must be printable ASCII without
   * spaces. The intermediate buffers are zeroed.
   */
  public static SigningSecret signingSecret(Path file) {
    char[] line = firstLine(file);
    try {
      for (char c : line) {
        if (c <= 0x20 || c >= 0x7f) {
          throw new IllegalStateException(
              "the SigV4 secret in "
                  + file
                  + " holds a space or a character that is not printable ASCII");
        }
      }
      return SigningSecret.of(line);
    } finally {
      Arrays.fill(line, '\0');
    }
  }

  private static void requireRegular(Path file, boolean regular) {
    if (!regular) {
      throw new IllegalStateException("the secret file " + file + " is not a regular file");
    }
  }

  private static char[] decode(Path file, byte[] raw, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(length);
    try {
      CoderResult result = decoder.decode(ByteBuffer.wrap(raw, 0, length), chars, true);
      if (!result.isError()) {
        result = decoder.flush(chars);
      }
      if (result.isError()) {
        result.throwException();
      }
      chars.flip();
      char[] out = new char[chars.remaining()];
      chars.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("the secret file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(chars.array(), '\0');
    }
  }
}
