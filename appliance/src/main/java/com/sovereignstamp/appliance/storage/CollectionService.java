package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.Outcome;
import com.sovereignstamp.appliance.keys.CollectionKeys;
import com.sovereignstamp.appliance.keys.NewCollectionKeys;
import com.sovereignstamp.appliance.mode.OperatingMode;
import java.util.List;

/** Creating and finding collections. Creating one makes its keys and wraps them at the bridge. */
public final class CollectionService {
  private final CollectionRepository collections;
  private final CollectionKeys keys;
  private final AuditTrail audit;
  private final OperatingMode mode;

  public CollectionService(
      CollectionRepository collections, CollectionKeys keys, AuditTrail audit, OperatingMode mode) {
    this.collections = collections;
    this.keys = keys;
    this.audit = audit;
    this.mode = mode;
  }

  /**
   * @throws InvalidInputException for a bad name or classification
   * @throws CollectionExistsException if the name is taken
   */
  public StoredCollection create(String name, String classification, Actor actor) {
    Names.collection(name);
    Classification c = Classification.parse("classification", classification);
    mode.checkWrite();
    if (collections.find(name).isPresent()) {
      throw new CollectionExistsException(name);
    }
    NewCollectionKeys fresh = keys.create(name, actor);
    return collections.create(
        name,
        c,
        fresh,
        stored -> {
          mode.checkWrite();
          audit.record(
              AuditEvent.of("collection.create", actor)
                  .with("collection", name)
                  .with("classification", c.wireName())
                  .with("keyVersion", stored.dekVersion())
                  .with("cmkKeyId", stored.cmkKeyId())
                  .outcome(Outcome.SUCCESS));
        });
  }

  /**
   * @throws UnknownCollectionException if there is none of that name
   */
  public StoredCollection get(String name) {
    return collections.find(name).orElseThrow(() -> new UnknownCollectionException(name));
  }

  public List<StoredCollection> list() {
    return collections.list();
  }
}
