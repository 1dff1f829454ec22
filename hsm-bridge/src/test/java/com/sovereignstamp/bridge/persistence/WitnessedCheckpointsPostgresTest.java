package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.bridge.testing.TestDatabases;
import javax.sql.DataSource;

/**
 * The witnessed-checkpoint store on a real PostgreSQL server (production's database), which {@code
 * ./stamp test} starts; each test gets a schema of its own.
 */
class WitnessedCheckpointsPostgresTest extends WitnessedCheckpointsContract {
  @Override
  DataSource freshDatabase() throws Exception {
    return TestDatabases.postgres("witness");
  }
}
