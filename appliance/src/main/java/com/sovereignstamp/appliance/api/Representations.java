package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import com.sovereignstamp.appliance.storage.DocumentMetadata;
import com.sovereignstamp.appliance.storage.StoredCollection;
import com.sovereignstamp.format.FormatV1;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON the API answers with. */
final class Representations {
  private Representations() {}

  static JsonObject collection(StoredCollection c) {
    return JSON.createObjectBuilder()
        .add("name", c.name())
        .add("classification", c.classification().wireName())
        .add("createdAt", c.createdAt().toString())
        .add(
            "keys",
            JSON.createObjectBuilder()
                .add("dekVersion", c.dekVersion())
                .add("indexKeyVersion", c.indexKeyVersion())
                .add("cmkKeyId", c.cmkKeyId()))
        .build();
  }

  static JsonObject document(DocumentMetadata m, String region) {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    m.labels().forEach(labels::add);
    JsonObjectBuilder b =
        JSON.createObjectBuilder().add("collection", m.collection()).add("id", m.id());
    if (m.name() != null) {
      b.add("name", m.name());
    } else {
      b.addNull("name");
    }
    return b.add("contentType", m.contentType())
        .add("size", m.size())
        .add("labels", labels)
        .add("dataSubject", m.hasDataSubject())
        .add("createdAt", m.createdAt().toString())
        .add("updatedAt", m.updatedAt().toString())
        .add("revision", m.revision())
        .add("residency", region)
        .add(
            "encryption",
            JSON.createObjectBuilder()
                .add("format", FormatV1.VERSION)
                .add("segments", m.segments())
                .add("dekVersion", m.dekVersion())
                .add("cmkKeyId", m.cmkKeyId()))
        .build();
  }
}
