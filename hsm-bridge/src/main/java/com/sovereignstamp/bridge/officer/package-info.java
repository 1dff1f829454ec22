/**
 * The security officers' own side of the admin API: {@link
 * com.sovereignstamp.bridge.officer.OfficerTool} makes a signed approval offline with the officer's
 * private key, {@link com.sovereignstamp.bridge.officer.ApprovalSigner} signs one (also for tests).
 * Nothing here runs inside the bridge.
 */
package com.sovereignstamp.bridge.officer;
