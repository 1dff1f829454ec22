package com.sovereignstamp.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.audit.storage.CheckpointStore;
import com.sovereignstamp.audit.storage.Checkpoints;
import com.sovereignstamp.audit.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/audit} as a user runs it: a separate java process on the packaged jar and {@code
 * target/lib}, exporting an H2 file database (closed by this JVM first: embedded H2 locks the file)
 * and verifying the export.
 */
class AuditScriptIT {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run audit(String... args) throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("audit.module.dir", "."), "bin", "audit");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  private static Run export(String url, Path out) throws IOException, InterruptedException {
    return audit("export", "--jdbc-url", url, "--user", "sa", "--out", out.toString());
  }

  private static Run verify(Path export, Path pem, String... flags)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of("verify", "--export", export.toString(), "--public-key", pem.toString()));
    args.addAll(List.of(flags));
    return audit(args.toArray(String[]::new));
  }

  @Test
  void exportAndVerify_ofAnH2FileDatabase_beforeAndAfterARowIsEdited() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("audit");
    JdbcDataSource db = new JdbcDataSource();
    db.setURL(url);
    db.setUser("sa");
    try (AuditLog log = AuditLog.open(db, 16, Duration.ofSeconds(10), Clock.systemUTC())) {
      Checkpoints checkpoints =
          new Checkpoints(
              log,
              new CheckpointStore(db, Clock.systemUTC()),
              TestKeys.signer(),
              "bridge.script-test",
              Clock.systemUTC());
      for (int i = 0; i < 12; i++) {
        log.append(CanonicalJson.object().put("n", i).put("op", "encrypt").build());
      }
      checkpoints.checkpointNow();
    }
    Path pem =
        Files.writeString(
            dir.resolve("trusted.pem"), PublicKeyPem.encode(TestKeys.signer().publicKey()));

    Run exported = export(url, dir.resolve("one.zip"));
    assertThat(exported.status()).as(exported.err()).isZero();
    Run whole = verify(dir.resolve("one.zip"), pem);
    assertThat(whole.status()).as(whole.err()).isZero();
    assertThat(whole.out()).startsWith("WHOLE: entries 0..11 reproduce the signed root");

    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE audit_entry SET entry = ? WHERE entry_index = 5")) {
      ps.setBytes(1, "{\"n\":5,\"op\":\"decrypt\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(export(url, dir.resolve("two")).status()).isZero();
    Run departs = verify(dir.resolve("two"), pem, "--json");
    assertThat(departs.status()).isEqualTo(1);
    assertThat(departs.out())
        .contains("\"outcome\":\"DEPARTS\"")
        .contains("\"firstPossibleIndex\":5");
    assertThat(departs.err()).isEmpty();

    Run usage = audit();
    assertThat(usage.status()).isEqualTo(2);
    assertThat(usage.err()).startsWith("usage:");
  }
}
