package com.sovereignstamp.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.checkpoint.KeyIds;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.audit.testing.SoftHsmTokens;
import com.sovereignstamp.audit.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's usage errors, key commands and error messages (no database). */
class AuditCliTest {
  private static final Map<String, String> ENV =
      Map.of("AUDIT_KEY_PASSWORD", TestKeys.PASSWORD, "AUDIT_WRONG", "not-the-password");
  @TempDir Path dir;

  private static void assertNoStackTrace(CliRun run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void noCommand_orAnUnknownOne_isAUsageError_exit2() {
    CliRun none = CliRun.of();
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).startsWith("usage:").contains("audit verify --export DIR|ZIP");
    CliRun unknown = CliRun.of("shred");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("audit: unknown command 'shred'");
    assertThat(CliRun.of("--help").status()).isZero();
  }

  @Test
  void aPasswordOrPinOnTheCommandLine_isRefused() {
    CliRun run =
        CliRun.of("public-key", "--keystore", "k.bcfks", "--alias", "a", "--password", "hunter2");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("never taken from the command line")
        .contains("--password-env VAR or --password-file FILE")
        .doesNotContain("hunter2");
    assertThat(CliRun.of("public-key", "--pin", "1234").status()).isEqualTo(2);
  }

  @Test
  void verifyWithoutItsOptions_orWithAnUnreadableKey_isAUsageError() throws Exception {
    assertThat(CliRun.of("verify", "--export", dir.toString()).err())
        .contains("'verify' needs --public-key");
    CliRun missingKey =
        CliRun.of("verify", "--export", dir.toString(), "--public-key", "nowhere.pem");
    assertThat(missingKey.status()).isEqualTo(2);
    assertThat(missingKey.err()).contains("cannot read the public key file nowhere.pem");
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    CliRun badKey =
        CliRun.of("verify", "--export", dir.toString(), "--public-key", notPem.toString());
    assertThat(badKey.status()).isEqualTo(2);
    assertThat(badKey.err()).contains("is unusable");
  }

  @Test
  void verifyOfSomethingThatIsNotAnExport_isInvalid_exit1() throws Exception {
    Path pem =
        Files.writeString(dir.resolve("k.pem"), PublicKeyPem.encode(TestKeys.signer().publicKey()));
    CliRun run = CliRun.of("verify", "--export", dir.toString(), "--public-key", pem.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("INVALID: the export cannot be read:")
        .contains("no log.jsonl");
    assertNoStackTrace(run);
  }

  @Test
  void keygenAndPublicKey_withABcfksFile_printTheSamePem() throws Exception {
    Path store = dir.resolve("checkpoints.bcfks");
    CliRun made =
        CliRun.of(
            ENV,
            "keygen",
            "--keystore",
            store.toString(),
            "--alias",
            "log",
            "--password-env",
            "AUDIT_KEY_PASSWORD");
    assertThat(made.status()).as(made.err()).isZero();
    assertThat(made.out()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    CliRun shown =
        CliRun.of(
            ENV,
            "public-key",
            "--keystore",
            store.toString(),
            "--alias",
            "log",
            "--password-env",
            "AUDIT_KEY_PASSWORD");
    assertThat(shown.status()).isZero();
    assertThat(shown.out()).isEqualTo(made.out());
    assertThat(shown.err())
        .isEqualTo("key id " + KeyIds.of(PublicKeyPem.decode(shown.out())) + "\n");

    CliRun again =
        CliRun.of(
            ENV,
            "keygen",
            "--keystore",
            store.toString(),
            "--alias",
            "log",
            "--password-env",
            "AUDIT_KEY_PASSWORD");
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo("audit keygen: " + store + " exists already: not overwriting it\n");
  }

  @Test
  void aWrongKeyStorePassword_failsWithOneLine_exit1() throws Exception {
    CliRun run =
        CliRun.of(
            ENV,
            "public-key",
            "--keystore",
            TestKeys.keyStore().toString(),
            "--alias",
            TestKeys.ALIAS,
            "--password-env",
            "AUDIT_WRONG");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("audit public-key: ").hasLineCount(1);
    assertNoStackTrace(run);
    CliRun unset =
        CliRun.of(
            ENV,
            "public-key",
            "--keystore",
            TestKeys.keyStore().toString(),
            "--alias",
            TestKeys.ALIAS,
            "--password-env",
            "AUDIT_UNSET");
    assertThat(unset.err())
        .isEqualTo("audit public-key: environment variable AUDIT_UNSET is not set or empty\n");
  }

  @Test
  void keygenAndPublicKey_inAPkcs11Token_withThePinFromAFile() throws Exception {
    SoftHsmTokens tokens = SoftHsmTokens.fromEnvironment();
    Path config = tokens.token("cli-test").config();
    String pinFile = tokens.pinFile().toString();
    CliRun made =
        CliRun.of(
            "keygen",
            "--pkcs11-config",
            config.toString(),
            "--label",
            "cli-key",
            "--pin-file",
            pinFile);
    assertThat(made.status()).as(made.err()).isZero();
    CliRun shown =
        CliRun.of(
            "public-key",
            "--pkcs11-config",
            config.toString(),
            "--label",
            "cli-key",
            "--pin-file",
            pinFile);
    assertThat(shown.status()).as(shown.err()).isZero();
    assertThat(shown.out()).isEqualTo(made.out()).startsWith("-----BEGIN PUBLIC KEY-----");

    Path untouched = tokens.token("cli-test-untouched").config();
    CliRun wrongPin =
        CliRun.of(
            Map.of("AUDIT_PIN", "wrong-pin-0000"),
            "public-key",
            "--pkcs11-config",
            untouched.toString(),
            "--label",
            "cli-key",
            "--pin-env",
            "AUDIT_PIN");
    assertThat(wrongPin.status()).isEqualTo(1);
    assertThat(wrongPin.err()).isEqualTo("audit public-key: the token refused the user PIN\n");
  }
}
