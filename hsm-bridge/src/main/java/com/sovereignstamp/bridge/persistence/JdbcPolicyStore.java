package com.sovereignstamp.bridge.persistence;

import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyPolicy;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyStatus;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.bridge.policy.PolicyChange;
import com.sovereignstamp.bridge.policy.PolicyException;
import com.sovereignstamp.bridge.policy.PolicySnapshot;
import com.sovereignstamp.bridge.policy.PolicyStore;
import com.sovereignstamp.bridge.policy.PolicyStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The officers' policy in tables {@code policy_version}, {@code key_policy}, {@code key_grant} and
 * {@code used_approval} (changelog {@code com/sovereignstamp/bridge/db}, bridge-0.2). Every change
 * is one transaction that first increments {@code policy_version} — taking its row lock, so changes
 * from several instances are applied one after another — then consumes the approvals' nonces (a
 * replayed nonce violates the primary key and rolls the whole change back) and makes the change.
 */
public final class JdbcPolicyStore implements PolicyStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private final DataSource dataSource;

  public JdbcPolicyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long version() {
    try (Connection c = dataSource.getConnection()) {
      return version(c);
    } catch (SQLException e) {
      throw new PolicyStoreException("cannot read the policy version", e);
    }
  }

  private static long version(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT version FROM policy_version WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("policy_version has no row");
      }
      return rs.getLong(1);
    }
  }

  @Override
  public PolicySnapshot load() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long version = version(c);
        Map<KeyRef, List<Grant>> grants = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT key_store, key_id, credential, client_subject, uses FROM key_grant");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            KeyRef key = new KeyRef(rs.getString(1), rs.getString(2));
            grants
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Grant(key, rs.getString(3), rs.getString(4), uses(rs.getString(5))));
          }
        }
        Map<KeyRef, KeyPolicy> keys = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT key_store, key_id, status, changed_at, changed_by FROM key_policy");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            KeyRef key = new KeyRef(rs.getString(1), rs.getString(2));
            keys.put(
                key,
                new KeyPolicy(
                    key,
                    KeyStatus.valueOf(rs.getString(3)),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    grants.getOrDefault(key, List.of())));
          }
        }
        c.commit();
        return new PolicySnapshot(version, keys);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PolicyStoreException("cannot read the policy", e);
    }
  }

  private static Set<KeyUse> uses(String text) throws SQLException {
    Set<KeyUse> uses = EnumSet.noneOf(KeyUse.class);
    for (String u : text.split(",")) {
      uses.add(
          KeyUse.fromWireName(u)
              .orElseThrow(() -> new SQLException("key_grant.uses holds an unknown use: " + u)));
    }
    return uses;
  }

  @Override
  public void apply(PolicyChange change, List<Approval> approvals) {
    inTransaction(
        c -> {
          bumpVersion(c);
          for (Approval a : approvals) {
            consume(c, a, change.at());
          }
          int rows;
          if (change instanceof PolicyChange.Revoke r) {
            rows = setStatus(c, r, KeyStatus.REVOKED);
          } else if (change instanceof PolicyChange.Reinstate r) {
            rows = setStatus(c, r, KeyStatus.ENABLED);
          } else if (change instanceof PolicyChange.AddGrant g) {
            rows = putGrant(c, g.grant(), g.officer(), g.at());
          } else {
            rows = withdraw(c, (PolicyChange.Withdraw) change);
          }
          if (rows != 1) {
            throw new PolicyException(
                change instanceof PolicyChange.Withdraw
                    ? PolicyException.Reason.UNKNOWN_GRANT
                    : PolicyException.Reason.UNKNOWN_KEY,
                "nothing to change for key " + change.key());
          }
        });
  }

  private static void consume(Connection c, Approval a, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO used_approval (nonce, officer, action, used_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, a.nonce());
      ps.setString(2, a.officer());
      ps.setString(3, a.action().wireName());
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setTimestamp(5, Timestamp.from(a.expiresAt()));
      ps.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PolicyException(
            PolicyException.Reason.APPROVAL_REUSED,
            "the approval of " + a.officer() + " was used before");
      }
      throw e;
    }
  }

  private static int setStatus(Connection c, PolicyChange change, KeyStatus status)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE key_policy SET status = ?, changed_at = ?, changed_by = ?"
                + " WHERE key_store = ? AND key_id = ?")) {
      ps.setString(1, status.name());
      ps.setTimestamp(2, Timestamp.from(change.at()));
      ps.setString(3, change.officer());
      ps.setString(4, change.key().keyStore());
      ps.setString(5, change.key().keyId());
      return ps.executeUpdate();
    }
  }

  private static int putGrant(Connection c, Grant g, String by, Instant at) throws SQLException {
    if (!keyExists(c, g.key())) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM key_grant WHERE key_store = ? AND key_id = ? AND credential = ?"
                + " AND client_subject = ?")) {
      holder(ps, g.key(), g.credential(), g.clientSubject());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO key_grant (key_store, key_id, credential, client_subject, uses,"
                + " granted_at, granted_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      holder(ps, g.key(), g.credential(), g.clientSubject());
      ps.setString(5, g.usesText());
      ps.setTimestamp(6, Timestamp.from(at));
      ps.setString(7, by);
      return ps.executeUpdate();
    }
  }

  private static int withdraw(Connection c, PolicyChange.Withdraw w) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM key_grant WHERE key_store = ? AND key_id = ? AND credential = ?"
                + " AND client_subject = ?")) {
      holder(ps, w.key(), w.credential(), w.clientSubject());
      return ps.executeUpdate();
    }
  }

  private static void holder(PreparedStatement ps, KeyRef key, String credential, String subject)
      throws SQLException {
    ps.setString(1, key.keyStore());
    ps.setString(2, key.keyId());
    ps.setString(3, credential);
    ps.setString(4, subject);
  }

  private static boolean keyExists(Connection c, KeyRef key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM key_policy WHERE key_store = ? AND key_id = ?")) {
      ps.setString(1, key.keyStore());
      ps.setString(2, key.keyId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void bumpVersion(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE policy_version SET version = version + 1 WHERE id = 1")) {
      if (ps.executeUpdate() != 1) {
        throw new SQLException("policy_version has no row");
      }
    }
  }

  @Override
  public boolean seedIfEmpty(Collection<KeyRef> keys, Collection<Grant> grants, String by) {
    boolean[] seeded = {false};
    inTransaction(
        c -> {
          bumpVersion(c); // the row lock: two instances starting at once do not both seed
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM key_policy");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              c.rollback();
              return;
            }
          }
          Instant now = Instant.now();
          for (KeyRef k : keys) {
            insertKey(c, k, by, now);
          }
          for (Grant g : grants) {
            putGrant(c, g, by, now);
          }
          seeded[0] = true;
        });
    return seeded[0];
  }

  @Override
  public void addUnknownKeys(Collection<KeyRef> keys, String by) {
    inTransaction(
        c -> {
          boolean added = false;
          Instant now = Instant.now();
          for (KeyRef k : keys) {
            if (!keyExists(c, k)) {
              if (!added) {
                bumpVersion(c);
                added = true;
              }
              insertKey(c, k, by, now);
            }
          }
        });
  }

  private static void insertKey(Connection c, KeyRef k, String by, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO key_policy (key_store, key_id, status, changed_at, changed_by)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, k.keyStore());
      ps.setString(2, k.keyId());
      ps.setString(3, KeyStatus.ENABLED.name());
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setString(5, by);
      ps.executeUpdate();
    }
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        if (!c.getAutoCommit()) {
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PolicyStoreException("cannot change the policy", e);
    }
  }
}
