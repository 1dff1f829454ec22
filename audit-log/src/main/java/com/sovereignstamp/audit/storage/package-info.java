/**
 * Durable storage of the audit log over JDBC (H2 and PostgreSQL), schema by Liquibase, and the
 * group-committing {@link com.sovereignstamp.audit.storage.AuditLog} whose {@code append} returns
 * only once the entry is committed.
 */
package com.sovereignstamp.audit.storage;
