package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.bridge.testing.TestDatabases;
import javax.sql.DataSource;

/** The officers' policy store on embedded H2 (the demo's database). */
class PolicyStoreH2Test extends PolicyStoreContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabases.h2("policy");
  }
}
