package com.sovereignstamp.appliance.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code stamp_collection}. */
@Entity
@Table(name = "stamp_collection")
public class CollectionEntity {
  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "name", nullable = false, updatable = false)
  String name;

  @Column(name = "classification", nullable = false)
  String classification;

  @Column(name = "dek_version", nullable = false)
  int dekVersion;

  @Column(name = "index_key_version", nullable = false)
  int indexKeyVersion;

  @Column(name = "cmk_key_id", nullable = false)
  String cmkKeyId;

  @Column(name = "created_at", nullable = false, updatable = false)
  OffsetDateTime createdAt;

  @Column(name = "residency", nullable = false, updatable = false)
  String residency;
}
