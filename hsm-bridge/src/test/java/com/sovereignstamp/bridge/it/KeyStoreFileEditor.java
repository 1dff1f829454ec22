package com.sovereignstamp.bridge.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;

/** Rewrites a bridge's key-store file the way an operator would: atomically, mode 0600. */
public final class KeyStoreFileEditor {
  private final Path file;

  public KeyStoreFileEditor(BridgeInstance bridge) {
    this.file = bridge.dir().resolve("keystores.json");
  }

  synchronized void addKeyStore(JsonObject keyStore) throws IOException {
    edit(stores -> stores.add(keyStore));
  }

  /** Adds a key to the key store with this URI prefix. */
  synchronized void addKey(String prefix, JsonObject key) throws IOException {
    editStore(prefix, store -> withArray(store, "keys", store.getJsonArray("keys"), key));
  }

  public synchronized void addCredential(String prefix, JsonObject credential) throws IOException {
    editStore(
        prefix,
        store -> withArray(store, "credentials", store.getJsonArray("credentials"), credential));
  }

  /** The credential's entry in the key store with this URI prefix. */
  public synchronized JsonObject credential(String prefix, String accessKeyId) throws IOException {
    for (JsonValue v : read().getJsonArray("keyStores")) {
      JsonObject s = v.asJsonObject();
      if (s.getString("uriPrefix").equals(prefix)) {
        for (JsonValue c : s.getJsonArray("credentials")) {
          if (c.asJsonObject().getString("accessKeyId").equals(accessKeyId)) {
            return c.asJsonObject();
          }
        }
      }
    }
    throw new IllegalArgumentException("no credential " + accessKeyId + " in " + prefix);
  }

  public synchronized void removeCredential(String prefix, String accessKeyId) throws IOException {
    editStore(
        prefix,
        store -> {
          JsonArrayBuilder kept = Json.createArrayBuilder();
          store.getJsonArray("credentials").stream()
              .filter(c -> !c.asJsonObject().getString("accessKeyId").equals(accessKeyId))
              .forEach(kept::add);
          return Json.createObjectBuilder(store).add("credentials", kept).build();
        });
  }

  private static JsonObject withArray(
      JsonObject store, String name, jakarta.json.JsonArray old, JsonObject added) {
    return Json.createObjectBuilder(store)
        .add(name, Json.createArrayBuilder(old).add(added))
        .build();
  }

  private void editStore(String prefix, UnaryOperator<JsonObject> change) throws IOException {
    JsonObject root = read();
    JsonArrayBuilder stores = Json.createArrayBuilder();
    for (JsonValue v : root.getJsonArray("keyStores")) {
      JsonObject s = v.asJsonObject();
      stores.add(s.getString("uriPrefix").equals(prefix) ? change.apply(s) : s);
    }
    write(Json.createObjectBuilder(root).add("keyStores", stores).build());
  }

  private void edit(java.util.function.Consumer<JsonArrayBuilder> change) throws IOException {
    JsonObject root = read();
    JsonArrayBuilder stores = Json.createArrayBuilder(root.getJsonArray("keyStores"));
    change.accept(stores);
    JsonObjectBuilder b = Json.createObjectBuilder(root).add("keyStores", stores);
    write(b.build());
  }

  private JsonObject read() throws IOException {
    try (JsonReader r = Json.createReader(Files.newBufferedReader(file))) {
      return r.readObject();
    }
  }

  private void write(JsonObject root) throws IOException {
    Path tmp = file.resolveSibling("keystores.json.tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, root.toString());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
