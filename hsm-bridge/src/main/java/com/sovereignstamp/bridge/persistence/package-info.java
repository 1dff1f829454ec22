/**
 * The bridge's database: the audit log's tables (and, from the witness, the checkpoints it has
 * witnessed) on embedded H2 or PostgreSQL, schema by Liquibase. JDBC stays in this package.
 */
package com.sovereignstamp.bridge.persistence;
