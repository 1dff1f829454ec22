/**
 * The edge to the JVM's log handlers: what must never be logged (tokens, credentials, e-mail
 * addresses, key material) redacted from every record before a handler writes it.
 */
package com.sovereignstamp.appliance.logging;
