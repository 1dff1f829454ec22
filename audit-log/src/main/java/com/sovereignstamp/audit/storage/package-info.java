/**
 * Durable storage of the audit log over JDBC (H2 and PostgreSQL), schema by Liquibase: the
 * group-committing {@link com.sovereignstamp.audit.storage.AuditLog} whose {@code append} returns
 * only once the entry is committed, its signed checkpoints ({@link
 * com.sovereignstamp.audit.storage.Checkpoints}, {@link
 * com.sovereignstamp.audit.storage.CheckpointStore}) and a read-only view of the tables for exports
 * ({@link com.sovereignstamp.audit.storage.AuditLogReader}).
 */
package com.sovereignstamp.audit.storage;
