package com.sovereignstamp.bridge.auth;

import com.sovereignstamp.bridge.keys.KeyDefinition;
import com.sovereignstamp.sigv4.SigningSecret;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Reads the key-store file (JSON; see docs/hsm-bridge.md). It holds SigV4 secrets, so it must be
 * readable by the bridge's user only. Every rule is checked; a file that breaks one is refused
 * whole with a message that names the rule but never a secret.
 */
public final class KeyStoreFile {
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_-]+)*");
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z2-7]{20,30}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9+/=]{43,64}");

  private KeyStoreFile() {}

  public static KeyStores read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = Json.createReader(in)) {
      return parse(reader.readObject());
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new IOException("the key-store file " + file + " is not valid: " + safe(e), null);
    }
  }

  static KeyStores parse(JsonObject root) throws IOException {
    Map<String, KeyStoreDefinition> stores = new HashMap<>();
    Set<String> accessKeyIds = new HashSet<>();
    for (JsonValue v : root.getJsonArray("keyStores")) {
      KeyStoreDefinition ks = keyStore(v.asJsonObject(), accessKeyIds);
      if (stores.put(ks.uriPrefix(), ks) != null) {
        throw new IOException("two key stores share the URI prefix '" + ks.uriPrefix() + "'");
      }
    }
    return new KeyStores(stores);
  }

  private static KeyStoreDefinition keyStore(JsonObject o, Set<String> accessKeyIds)
      throws IOException {
    String prefix = o.getString("uriPrefix", "");
    require(PREFIX.matcher(prefix).matches() && prefix.length() <= 107, "bad uriPrefix " + prefix);
    int rate = o.getInt("requestsPerSecond", 1800);
    require(rate > 0, "requestsPerSecond must be positive in '" + prefix + "'");
    Map<String, KeyDefinition> keys = new HashMap<>();
    for (JsonValue kv : o.getJsonArray("keys")) {
      JsonObject k = kv.asJsonObject();
      String id = k.getString("id");
      require(KEY_ID.matcher(id).matches(), "bad key id in '" + prefix + "'");
      String status = k.getString("status", "ENABLED");
      require(
          status.equals("ENABLED") || status.equals("DISABLED"),
          "key status is ENABLED or DISABLED (" + id + ")");
      KeyDefinition key =
          new KeyDefinition(
              id, k.getString("label", id), k.getInt("version", 1), status.equals("ENABLED"));
      require(key.version() > 0, "key versions start at 1 (" + id + ")");
      require(keys.put(id, key) == null, "key id " + id + " listed twice in '" + prefix + "'");
    }
    List<CredentialDefinition> credentials = new ArrayList<>();
    for (JsonValue cv : o.getJsonArray("credentials")) {
      CredentialDefinition c = credential(cv.asJsonObject(), prefix);
      require(accessKeyIds.add(c.accessKeyId()), "access key id used twice: " + c.accessKeyId());
      credentials.add(c);
    }
    return new KeyStoreDefinition(prefix, rate, keys, credentials);
  }

  private static CredentialDefinition credential(JsonObject c, String prefix) throws IOException {
    String akid = c.getString("accessKeyId");
    require(ACCESS_KEY_ID.matcher(akid).matches(), "access key ids are 20-30 chars of A-Z2-7");
    String secret = c.getString("secretAccessKey");
    require(
        SECRET.matcher(secret).matches(), "the secret of " + akid + " is not 43-64 Base64 chars");
    List<X500Principal> subjects = new ArrayList<>();
    for (String s : strings(c.getJsonArray("clientSubjects"))) {
      try {
        subjects.add(new X500Principal(s));
      } catch (IllegalArgumentException e) {
        throw new IOException("bad client subject for " + akid + " in '" + prefix + "'", null);
      }
    }
    List<String> principals = strings(c.getJsonArray("principals"));
    return new CredentialDefinition(akid, SigningSecret.of(secret), subjects, principals);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (JsonValue v : array) {
        out.add(((JsonString) v).getString());
      }
    }
    return out;
  }

  private static void require(boolean condition, String message) throws IOException {
    if (!condition) {
      throw new IOException(message);
    }
  }

  private static String safe(Exception e) {
    return e instanceof JsonException
        ? "malformed JSON"
        : "a required field is missing or mistyped";
  }
}
