package com.sovereignstamp.appliance.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code stamp_wrapped_key}: a collection key as the customer's key wrapped it. */
@Entity
@Table(name = "stamp_wrapped_key")
public class WrappedKeyEntity {
  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "collection_id", nullable = false, updatable = false)
  UUID collectionId;

  @Column(name = "kind", nullable = false, updatable = false)
  String kind;

  @Column(name = "version", nullable = false, updatable = false)
  int version;

  @Column(name = "cmk_key_id", nullable = false)
  String cmkKeyId;

  @Column(name = "iv", nullable = false)
  byte[] iv;

  @Column(name = "ciphertext", nullable = false)
  byte[] ciphertext;

  @Column(name = "tag", nullable = false)
  byte[] tag;

  @Column(name = "ciphertext_metadata")
  byte[] ciphertextMetadata;

  @Column(name = "created_at", nullable = false, updatable = false)
  OffsetDateTime createdAt;

  @Column(name = "residency", nullable = false, updatable = false)
  String residency;
}
