package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.bridge.testing.TestDatabases;
import javax.sql.DataSource;

/** The officers' policy store on a real PostgreSQL server (production's database). */
class PolicyStorePostgresTest extends PolicyStoreContract {
  @Override
  DataSource freshDatabase() throws Exception {
    return TestDatabases.postgres("policy");
  }
}
