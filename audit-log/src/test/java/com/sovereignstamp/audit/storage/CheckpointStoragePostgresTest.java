package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.testing.TestDatabase;
import javax.sql.DataSource;

class CheckpointStoragePostgresTest extends CheckpointStorageContract {
  @Override
  DataSource freshDatabase() throws Exception {
    return TestDatabase.postgres().dataSource();
  }
}
