package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.testing.TestDatabase;
import javax.sql.DataSource;

/** The durable log on embedded H2 (the demo's database). */
class AuditLogH2Test extends AuditLogContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabase.h2().dataSource();
  }
}
