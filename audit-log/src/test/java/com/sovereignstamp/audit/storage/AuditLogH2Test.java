package com.sovereignstamp.audit.storage;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The durable log on embedded H2 (the demo's database). */
class AuditLogH2Test extends AuditLogContract {
  @Override
  DataSource freshDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
