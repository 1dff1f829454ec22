package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.bridge.testing.TestDatabases;
import javax.sql.DataSource;

/** The witnessed-checkpoint store on embedded H2 (the demo's database). */
class WitnessedCheckpointsH2Test extends WitnessedCheckpointsContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabases.h2("witness");
  }
}
