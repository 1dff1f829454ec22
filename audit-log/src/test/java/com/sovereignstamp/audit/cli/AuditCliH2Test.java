package com.sovereignstamp.audit.cli;

import com.sovereignstamp.audit.testing.TestDatabase;

class AuditCliH2Test extends AuditCliContract {
  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.h2();
  }
}
