package com.sovereignstamp.bridge.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.checkpoint.CheckpointSigner;
import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.bridge.testing.CheckpointKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessClientsFileTest {
  @TempDir static Path dir;
  private static CheckpointSigner applianceKey;

  @BeforeAll
  static void keys() throws Exception {
    applianceKey = CheckpointKeys.generate(dir, "appliance");
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(
        dir.resolve("keys/appliance.pem"), PublicKeyPem.encode(applianceKey.publicKey()));
    Files.writeString(dir.resolve("keys/not-a-key.pem"), "hello");
  }

  private static Path file(String json) throws IOException {
    Path f = Files.createTempFile(dir, "witness-clients", ".json");
    Files.writeString(f, json);
    return f;
  }

  private static String client(String name, String subject, String origin, String keyFile) {
    return String.format(
        "{\"name\":\"%s\",\"subject\":\"%s\",\"origin\":\"%s\",\"publicKeyFile\":\"%s\"}",
        name, subject, origin, keyFile);
  }

  @Test
  void aClient_isReadWithItsKey_fromAPathRelativeToTheFile() throws Exception {
    WitnessClients clients =
        WitnessClientsFile.read(
            file(
                "{\"clients\":["
                    + client(
                        "stamp-eu-de",
                        "CN=stamp-appliance,O=Bank A",
                        "sovereign-stamp/appliance/eu-de",
                        "keys/appliance.pem")
                    + "]}"));

    WitnessClient c =
        clients.bySubject(new X500Principal("CN=stamp-appliance, O=Bank A")).orElseThrow();
    assertThat(c.name()).isEqualTo("stamp-eu-de");
    assertThat(c.origin()).isEqualTo("sovereign-stamp/appliance/eu-de");
    assertThat(c.checkpointKey()).isEqualTo(applianceKey.publicKey());
    assertThat(clients.bySubject(new X500Principal("CN=stamp-appliance,O=Bank B"))).isEmpty();
  }

  @Test
  void anEmptyList_meansNoClients() throws Exception {
    assertThat(WitnessClientsFile.read(file("{\"clients\":[]}")).all()).isEmpty();
  }

  @Test
  void aFileThatBreaksARule_isRefusedWhole() throws Exception {
    String good = client("a", "CN=a", "log-a", "keys/appliance.pem");
    String[][] cases = {
      {"not json", "not valid JSON"},
      {"{}", "missing or mistyped"},
      {"{\"clients\":[" + good + "," + good + "]}", "listed twice"},
      {
        "{\"clients\":[" + good + "," + client("b", "CN=a", "log-b", "keys/appliance.pem") + "]}",
        "certificate subject"
      },
      {
        "{\"clients\":[" + good + "," + client("b", "CN=b", "log-a", "keys/appliance.pem") + "]}",
        "log-a"
      },
      {"{\"clients\":[" + client("a b", "CN=a", "l", "keys/appliance.pem") + "]}", "name"},
      {"{\"clients\":[" + client("a", "not a name", "l", "keys/appliance.pem") + "]}", "X.500"},
      {"{\"clients\":[" + client("a", "CN=a", "l", "keys/missing.pem") + "]}", "missing.pem"},
      {"{\"clients\":[" + client("a", "CN=a", "l", "keys/not-a-key.pem") + "]}", "EC public key"},
    };
    for (String[] c : cases) {
      Path f = file(c[0]);
      assertThatThrownBy(() -> WitnessClientsFile.read(f))
          .as(c[0])
          .isInstanceOf(IOException.class)
          .hasMessageContaining(c[1]);
    }
  }
}
