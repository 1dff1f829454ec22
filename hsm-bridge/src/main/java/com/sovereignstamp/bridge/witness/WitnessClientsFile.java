package com.sovereignstamp.bridge.witness;

import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Reads the witness clients file (JSON; see docs/hsm-bridge.md): {@code {"clients": [{"name",
 * "subject", "origin", "publicKeyFile"}]}}, each public key a PEM file, a relative path being
 * relative to the clients file's folder. A file that breaks a rule is refused whole.
 */
public final class WitnessClientsFile {
  private WitnessClientsFile() {}

  public static WitnessClients read(Path file) throws IOException {
    JsonObject root;
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = Json.createReader(in)) {
      root = reader.readObject();
    } catch (JsonException e) {
      throw new IOException("the witness clients file " + file + " is not valid JSON", null);
    }
    List<WitnessClient> clients = new ArrayList<>();
    try {
      for (JsonValue v : root.getJsonArray("clients")) {
        clients.add(client(v.asJsonObject(), file.toAbsolutePath().getParent()));
      }
      return new WitnessClients(clients);
    } catch (ClassCastException | NullPointerException e) {
      throw new IOException(
          "the witness clients file " + file + ": a required field is missing or mistyped", null);
    } catch (IllegalArgumentException e) {
      throw new IOException("the witness clients file " + file + ": " + e.getMessage(), null);
    }
  }

  private static WitnessClient client(JsonObject o, Path folder) throws IOException {
    String name = o.getString("name");
    X500Principal subject;
    try {
      subject = new X500Principal(o.getString("subject"));
    } catch (IllegalArgumentException e) {
      throw new IOException("witness client " + name + ": the subject is not an X.500 name", null);
    }
    Path keyFile = folder.resolve(o.getString("publicKeyFile"));
    try {
      return new WitnessClient(
          name,
          subject,
          o.getString("origin"),
          PublicKeyPem.decode(Files.readString(keyFile, StandardCharsets.US_ASCII)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IOException(
          "witness client " + name + ": cannot read an EC public key from " + keyFile, null);
    }
  }
}
