package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.keys.NewCollectionKeys;
import com.sovereignstamp.appliance.keys.WrappedKeys;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stored collections and their wrapped keys. */
public interface CollectionRepository extends WrappedKeys {
  /**
   * Stores a collection with its first keys in one transaction, calling {@code beforeCommit} with
   * the new row before committing.
   *
   * @throws CollectionExistsException if the name is taken
   */
  StoredCollection create(
      String name,
      Classification classification,
      NewCollectionKeys keys,
      Consumer<StoredCollection> beforeCommit);

  Optional<StoredCollection> find(String name);

  List<StoredCollection> list();
}
