package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sovereignstamp.sigv4.SigningSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from files only their owner can read or write. */
class SecretFileTest {
  private static final String SECRET = "c2VjcmV0LWZpbGUtdGVzdC1zZWNyZXQtdGhhdC1tdXN0LW5vdC1sZWFr";

  @TempDir Path dir;

  @BeforeEach
  void onlyOnPosix() {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
  }

  private Path secretFile(String name, String mode) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, SECRET + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void anOwnerOnlyFileIsRead() throws Exception {
    Path file = secretFile("secret", "rw-------");

    assertThat(SecretFile.signingSecret(file)).isEqualTo(SigningSecret.of(SECRET));
    assertThat(new String(SecretFile.firstLine(file))).isEqualTo(SECRET);
  }

  @Test
  void aReadOnlyOwnerFileIsRead() throws Exception {
    assertThat(SecretFile.signingSecret(secretFile("secret", "r--------")))
        .isEqualTo(SigningSecret.of(SECRET));
  }

  @Test
  void secretFileReadableByGroupIsRefused() throws Exception {
    Path file = secretFile("group-readable", "rw-r-----");

    assertThatThrownBy(() -> SecretFile.signingSecret(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("rw-r-----")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void secretFileReadableByOthersIsRefused() throws Exception {
    Path file = secretFile("world-readable", "rw----r--");

    assertThatThrownBy(() -> SecretFile.readBytes(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void secretFileWritableByGroupOrOthersIsRefused() throws Exception {
    Path groupWritable = secretFile("group-writable", "rw--w----");
    Path otherWritable = secretFile("other-writable", "rw-----w-");

    assertThatThrownBy(() -> SecretFile.firstLine(groupWritable))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretFile.firstLine(otherWritable))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSymlinkToAGroupReadableFileIsRefused() throws Exception {
    Path target = secretFile("target", "rw-r-----");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    assertThatThrownBy(() -> SecretFile.signingSecret(link))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(link.toString())
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aSymlinkToAnOwnerOnlyFileIsRead() throws Exception {
    Path target = secretFile("target", "rw-------");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    assertThat(SecretFile.signingSecret(link)).isEqualTo(SigningSecret.of(SECRET));
  }

  @Test
  void aDirectoryIsRefused() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> SecretFile.readBytes(sub))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aMissingFileIsRefusedByName() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> SecretFile.readBytes(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void anEmptyOrBlankSecretIsRefusedWithoutShowingIt() throws Exception {
    Path empty = secretFile("empty", "rw-------");
    Files.writeString(empty, "\nsecond line\n");
    Path spaced = secretFile("spaced", "rw-------");
    Files.writeString(spaced, "half of it " + SECRET + "\n");

    assertThatThrownBy(() -> SecretFile.signingSecret(empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("empty first line");
    assertThatThrownBy(() -> SecretFile.signingSecret(spaced))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("half");
  }

  @Test
  void anOversizedFileIsRefused() throws Exception {
    Path big = secretFile("big", "rw-------");
    Files.write(big, new byte[SecretFile.MAX_BYTES + 1]);

    assertThatThrownBy(() -> SecretFile.readBytes(big))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void onlyTheFirstLineIsTheSecret() throws Exception {
    Path file = secretFile("crlf", "rw-------");
    Files.writeString(file, SECRET + "\r\n# rotated 2025-01-01\n");

    assertThat(SecretFile.signingSecret(file)).isEqualTo(SigningSecret.of(SECRET));
  }
}
