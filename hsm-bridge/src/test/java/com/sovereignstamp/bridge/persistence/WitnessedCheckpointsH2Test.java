package com.sovereignstamp.bridge.persistence;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The witnessed-checkpoint store on embedded H2 (the demo's database). */
class WitnessedCheckpointsH2Test extends WitnessedCheckpointsContract {
  @Override
  DataSource freshDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:witness-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
