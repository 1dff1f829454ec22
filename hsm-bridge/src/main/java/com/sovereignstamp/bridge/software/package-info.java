/**
 * The demo-only software key backend: AES-256 keys in a Bouncy Castle FIPS key store file (BCFKS),
 * used in approved-only mode, for machines where SoftHSM2 is not installed. It is not an HSM: the
 * keys live in the bridge's memory while it runs. The production profile refuses it, and it says
 * what it is in its log, its health answer and its metrics.
 */
package com.sovereignstamp.bridge.software;
