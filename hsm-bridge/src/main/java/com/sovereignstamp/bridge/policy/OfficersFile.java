package com.sovereignstamp.bridge.policy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the officers file (JSON; see docs/hsm-bridge.md): {@code {"officers": [{"name",
 * "certificate"}]}}, each certificate a PEM file with an EC P-256 key, a relative path being
 * relative to the officers file's folder. A file that breaks a rule is refused whole.
 */
public final class OfficersFile {
  private OfficersFile() {}

  public static Officers read(Path file, int approvalsRequired, Duration approvalMaxLifetime)
      throws IOException {
    JsonObject root;
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = Json.createReader(in)) {
      root = reader.readObject();
    } catch (JsonException e) {
      throw new IOException("the officers file " + file + " is not valid JSON", null);
    }
    List<Officer> officers = new ArrayList<>();
    try {
      for (JsonValue v : root.getJsonArray("officers")) {
        JsonObject o = v.asJsonObject();
        String name = o.getString("name");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
          throw new IOException("officer name '" + name + "': 1-64 of A-Za-z0-9._-");
        }
        officers.add(
            new Officer(
                name,
                certificate(
                    name, file.toAbsolutePath().getParent().resolve(o.getString("certificate")))));
      }
      return new Officers(officers, approvalsRequired, approvalMaxLifetime);
    } catch (ClassCastException | NullPointerException e) {
      throw new IOException(
          "the officers file " + file + ": a required field is missing or mistyped", null);
    } catch (IllegalStateException e) {
      throw new IOException("the officers file " + file + ": " + e.getMessage(), null);
    }
  }

  private static X509Certificate certificate(String name, Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      if (!(cert.getPublicKey() instanceof ECPublicKey ec)
          || ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IOException("officer " + name + ": the certificate's key is not EC P-256");
      }
      return cert;
    } catch (CertificateException e) {
      throw new IOException("officer " + name + ": cannot read a certificate from " + pem, null);
    }
  }
}
