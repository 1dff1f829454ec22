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

  /** {@code audit COMMAND} on a BCFKS key, its password from the variable {@code passwordVar}. */
  private static CliRun withKeyStore(String command, Path store, String alias, String passwordVar) {
    return CliRun.of(
        ENV,
        command,
        "--keystore",
        store.toString(),
        "--alias",
        alias,
        "--password-env",
        passwordVar);
  }

  /** {@code audit COMMAND} on a key in a PKCS#11 token. */
  private static CliRun withToken(
      Map<String, String> env, String command, Path config, String... pin) {
    String[] args = new String[5 + pin.length];
    args[0] = command;
    args[1] = "--pkcs11-config";
    args[2] = config.toString();
    args[3] = "--label";
    args[4] = "cli-key";
    System.arraycopy(pin, 0, args, 5, pin.length);
    return CliRun.of(env, args);
  }

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
    CliRun made = withKeyStore("keygen", store, "log", "AUDIT_KEY_PASSWORD");
    assertThat(made.status()).as(made.err()).isZero();
    assertThat(made.out()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    CliRun shown = withKeyStore("public-key", store, "log", "AUDIT_KEY_PASSWORD");
    assertThat(shown.status()).isZero();
    assertThat(shown.out()).isEqualTo(made.out());
    assertThat(shown.err())
        .isEqualTo("key id " + KeyIds.of(PublicKeyPem.decode(shown.out())) + "\n");

    CliRun again = withKeyStore("keygen", store, "log", "AUDIT_KEY_PASSWORD");
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo("audit keygen: " + store + " exists already: not overwriting it\n");
  }

  @Test
  void aWrongKeyStorePassword_failsWithOneLine_exit1() throws Exception {
    CliRun run = withKeyStore("public-key", TestKeys.keyStore(), TestKeys.ALIAS, "AUDIT_WRONG");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("audit public-key: ").hasLineCount(1);
    assertNoStackTrace(run);
    CliRun unset = withKeyStore("public-key", TestKeys.keyStore(), TestKeys.ALIAS, "AUDIT_UNSET");
    assertThat(unset.err())
        .isEqualTo("audit public-key: environment variable AUDIT_UNSET is not set or empty\n");
  }

  @Test
  void keygenAndPublicKey_inAPkcs11Token_withThePinFromAFile() throws Exception {
    SoftHsmTokens tokens = SoftHsmTokens.fromEnvironment();
    Path config = tokens.token("cli-test").config();
    String pinFile = tokens.pinFile().toString();
    CliRun made = withToken(Map.of(), "keygen", config, "--pin-file", pinFile);
    assertThat(made.status()).as(made.err()).isZero();
    CliRun shown = withToken(Map.of(), "public-key", config, "--pin-file", pinFile);
    assertThat(shown.status()).as(shown.err()).isZero();
    assertThat(shown.out()).isEqualTo(made.out()).startsWith("-----BEGIN PUBLIC KEY-----");

    Path untouched = tokens.token("cli-test-untouched").config();
    CliRun wrongPin =
        withToken(
            Map.of("AUDIT_PIN", "wrong-pin-0000"),
            "public-key",
            untouched,
            "--pin-env",
            "AUDIT_PIN");
    assertThat(wrongPin.status()).isEqualTo(1);
    assertThat(wrongPin.err()).isEqualTo("audit public-key: the token refused the user PIN\n");
  }
}
