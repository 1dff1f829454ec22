/**
 * The offline verifier: checks an export against a public key and signed checkpoint the auditor
 * trusts, and says whether the log is whole or where it departs from what was signed.
 */
package com.sovereignstamp.audit.verify;
