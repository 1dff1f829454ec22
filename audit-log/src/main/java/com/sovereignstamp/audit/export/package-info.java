/**
 * The audit log's export: a directory or zip of plain files (entries, recorded leaf hashes, signed
 * checkpoints, the signer's public key, a manifest) that an auditor verifies offline. {@link
 * com.sovereignstamp.audit.export.AuditExport} writes it from the database; {@link
 * com.sovereignstamp.audit.export.ExportedLog} reads it back.
 */
package com.sovereignstamp.audit.export;
