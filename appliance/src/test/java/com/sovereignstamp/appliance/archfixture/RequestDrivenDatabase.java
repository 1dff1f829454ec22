package com.sovereignstamp.appliance.archfixture;

import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects to a database URL taken from a request: the rules must catch both ways. */
public final class RequestDrivenDatabase {
  private RequestDrivenDatabase() {}

  static Connection connect(String urlFromRequest) throws SQLException {
    return DriverManager.getConnection(urlFromRequest);
  }

  static DatabaseSettings settings(String urlFromRequest) {
    return new DatabaseSettings(urlFromRequest, "stamp", "", 1);
  }
}
