package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.persistence.DatabaseSettings;

class DocumentStorageH2Test extends DocumentStorageContract {
  @Override
  DatabaseSettings database() {
    return new DatabaseSettings(
        "jdbc:h2:mem:storage-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
  }
}
