package com.sovereignstamp.appliance.api;

/** The realm roles the API knows (the token's {@code groups} claim). */
public final class Roles {
  public static final String STAMP_ADMIN = "stamp-admin";
  public static final String SECURITY_OFFICER = "security-officer";
  public static final String AUDITOR = "auditor";
  public static final String USER = "user";

  /** The zone-local backup agent's service account (client-credentials grant). */
  public static final String BACKUP_AGENT = "backup-agent";

  private Roles() {}
}
