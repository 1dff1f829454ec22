/**
 * The one place the stamp's components set up Bouncy Castle FIPS: the provider in approved-only
 * mode and an approved DRBG strong enough for AES-256 and P-256 keys.
 */
package com.sovereignstamp.fips;
