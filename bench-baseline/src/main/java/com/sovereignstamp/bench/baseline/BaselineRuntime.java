package com.sovereignstamp.bench.baseline;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Opens the baseline's database when the application starts (a failure fails the deployment) and
 * closes it at shutdown. State is read through methods: a field read through the CDI proxy would be
 * null.
 */
@ApplicationScoped
public class BaselineRuntime {
  private BaselineDatabase database;
  private BaselineDocumentStore store;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    store();
  }

  /** The document store, opened on first use. */
  public synchronized BaselineDocumentStore store() {
    if (store == null) {
      Config config = ConfigProvider.getConfig();
      BaselineSettings settings =
          BaselineSettings.from(key -> config.getOptionalValue(key, String.class));
      try {
        database = BaselineDatabase.open(settings);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "the baseline's database cannot be opened (SQL state " + e.getSQLState() + ")", e);
      }
      store = new BaselineDocumentStore(database);
    }
    return store;
  }

  @PreDestroy
  synchronized void stop() {
    if (database != null) {
      database.close();
      database = null;
      store = null;
    }
  }
}
