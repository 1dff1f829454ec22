package com.sovereignstamp.audit.storage;

import com.sovereignstamp.audit.testing.TestDatabase;
import javax.sql.DataSource;

class CheckpointStorageH2Test extends CheckpointStorageContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabase.h2().dataSource();
  }
}
