package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.testing.TestDatabase;

class AuditCliPostgresTest extends AuditCliContract {
  @Override
  TestDatabase freshDatabase() throws Exception {
    return TestDatabase.postgres();
  }
}
