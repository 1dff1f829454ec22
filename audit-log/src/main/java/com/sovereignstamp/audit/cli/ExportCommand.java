package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.export.AuditExport;
import com.sovereignstamp.audit.export.ExportManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit export}: writes an export straight from the log's tables (read only; no schema
 * migration). A {@code --out} ending in {@code .zip} is written as a zip file, anything else as a
 * directory.
 */
final class ExportCommand {
  static final String USAGE =
      "audit export --jdbc-url URL --user USER [--password-env VAR | --password-file FILE]\n"
          + "             --out DIR|FILE.zip [--public-key PEM]";

  private ExportCommand() {}

  static int run(List<String> args, Invocation io)
      throws UsageException, IOException, SQLException {
    CommandLine line =
        CommandLine.parse(
            "export",
            args,
            Set.of(
                "--jdbc-url",
                "--user",
                "--password-env",
                "--password-file",
                "--out",
                "--public-key"),
            Set.of());
    String url = line.required("--jdbc-url");
    String user = line.required("--user");
    Path out = line.requiredPath("--out");
    Optional<PublicKey> key = Optional.empty();
    if (line.has("--public-key")) {
      key = Optional.of(publicKey(line.requiredPath("--public-key")));
    }
    char[] password = new char[0];
    if (line.has("--password-env") || line.has("--password-file")) {
      password = Secret.read(line, "password", io.environment());
    }
    if (Files.exists(out) && !isEmptyDirectory(out)) {
      throw new UsageException(out + " exists and is not an empty directory: not overwriting it");
    }
    AuditExport export =
        new AuditExport(
            new JdbcUrlDataSource(url, user, new String(password)), key, Clock.systemUTC());
    Arrays.fill(password, '\0');
    ExportManifest manifest;
    if (out.getFileName().toString().endsWith(".zip")) {
      try (OutputStream zip = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
        manifest = export.writeZip(zip);
      }
    } else {
      manifest = export.writeDirectory(out);
    }
    io.out()
        .println(
            "exported "
                + manifest.entryCount()
                + " entries of log '"
                + manifest.origin().orElse("(no checkpoint yet)")
                + "' to "
                + out);
    return 0;
  }

  private static PublicKey publicKey(Path pem) throws UsageException {
    try {
      return PublicKeyPem.decode(Files.readString(pem, StandardCharsets.US_ASCII));
    } catch (IOException | GeneralSecurityException e) {
      throw new UsageException("cannot use the public key file " + pem + ": " + e.getMessage());
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }
}
