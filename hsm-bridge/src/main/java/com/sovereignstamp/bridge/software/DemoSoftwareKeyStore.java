package com.sovereignstamp.bridge.software;

import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.fips.BcFips;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The BCFKS file and, beside it, {@code FILE.usage}: which operations each key permits (an HSM
 * keeps that in the key's attributes; a key store file has no such attributes). Creating keys is
 * for the demo set-up: {@code java -cp ... DemoSoftwareKeyStore FILE PASSWORD_FILE LABEL:USAGE...}
 * with USAGE one of {@code encrypt+decrypt}, {@code encrypt}, {@code decrypt}, {@code none}.
 */
public final class DemoSoftwareKeyStore {
  static final String TYPE = "BCFKS";

  private DemoSoftwareKeyStore() {}

  /** The Bouncy Castle FIPS provider, registered once, in approved-only mode. */
  static Provider provider() {
    return BcFips.provider();
  }

  static SecureRandom drbg() {
    return BcFips.drbg();
  }

  static char[] password(Path passwordFile) throws IOException {
    byte[] b = Files.readAllBytes(passwordFile);
    try {
      String s = new String(b, java.nio.charset.StandardCharsets.UTF_8).strip();
      return s.toCharArray();
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(TYPE, provider());
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    return ks;
  }

  static Set<KeyUsage> usages(Path file, String label) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(usageFile(file))) {
      p.load(in);
    }
    return parseUsage(p.getProperty(label, "none"));
  }

  private static Path usageFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".usage");
  }

  private static Set<KeyUsage> parseUsage(String text) {
    Set<KeyUsage> set = EnumSet.noneOf(KeyUsage.class);
    for (String part : text.split("\\+")) {
      switch (part.trim()) {
        case "encrypt" -> set.add(KeyUsage.ENCRYPT);
        case "decrypt" -> set.add(KeyUsage.DECRYPT);
        case "none", "" -> {}
        default -> throw new IllegalArgumentException("unknown usage " + part);
      }
    }
    return set;
  }

  /** Creates the key store with freshly generated AES-256 keys. */
  public static void create(Path file, Path passwordFile, String... labelsWithUsage)
      throws IOException, GeneralSecurityException {
    char[] password = password(passwordFile);
    try {
      KeyStore ks = KeyStore.getInstance(TYPE, provider());
      ks.load(null, null);
      Properties usage = new Properties();
      KeyGenerator gen = KeyGenerator.getInstance("AES", provider());
      gen.init(256, drbg());
      for (String spec : labelsWithUsage) {
        String[] parts = spec.split(":", 2);
        SecretKey key = gen.generateKey();
        ks.setEntry(
            parts[0], new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        usage.setProperty(parts[0], parts.length > 1 ? parts[1] : "encrypt+decrypt");
        parseUsage(usage.getProperty(parts[0]));
      }
      try (OutputStream out = create(file)) {
        ks.store(out, password);
      }
      try (OutputStream out = create(usageFile(file))) {
        usage.store(out, "key usage of the demo software key store");
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static OutputStream create(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: FILE PASSWORD_FILE LABEL[:encrypt+decrypt|encrypt|decrypt|none]...");
      System.exit(64);
    }
    create(Path.of(args[0]), Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
  }
}
