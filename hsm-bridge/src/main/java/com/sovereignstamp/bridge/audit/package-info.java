/**
 * The bridge's audit trail: what is recorded for each XKS and admin call and for each state change,
 * and the rule that a call the trail cannot record fails. Key-status reads that succeed are counted
 * per caller per window instead of one entry each. Entries go to the tamper-evident log of the
 * {@code audit-log} library through {@link com.sovereignstamp.bridge.audit.AuditTrail.Log}; this
 * package knows no database.
 */
package com.sovereignstamp.bridge.audit;
