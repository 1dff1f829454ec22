package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.testing.TestDatabase;
import javax.sql.DataSource;

/**
 * The durable log on a real PostgreSQL server (production's database), a schema per test; see
 * {@link TestDatabase#postgres()}.
 */
class AuditLogPostgresTest extends AuditLogContract {
  @Override
  DataSource freshDatabase() throws Exception {
    return TestDatabase.postgres().dataSource();
  }
}
