/**
 * The audit log's command line ({@code audit-log/bin/audit}): {@code verify}, {@code export},
 * {@code public-key} and {@code keygen}.
 */
package com.sovereignstamp.audit.cli;
