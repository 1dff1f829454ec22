package com.sovereignstamp.bridge.application;

import com.sovereignstamp.bridge.audit.AuditTrail;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.auth.KeyStoreRegistry;
import com.sovereignstamp.bridge.keys.HsmEvents;
import com.sovereignstamp.bridge.metrics.BridgeMetrics;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes of the bridge's state, told to the metrics and recorded in the audit trail: the HSM link
 * lost or back, a key-store file reloaded or refused. These happen on background threads, with no
 * caller to fail: an event the trail cannot record is logged as an error (and the trail's failure
 * makes the next calls fail).
 */
public final class BridgeEvents implements HsmEvents, KeyStoreRegistry.ReloadListener {
  private static final Logger LOG = Logger.getLogger(BridgeEvents.class.getName());
  private final BridgeMetrics metrics;
  private final AuditTrail audit;

  public BridgeEvents(BridgeMetrics metrics, AuditTrail audit) {
    this.metrics = metrics;
    this.audit = audit;
  }

  @Override
  public void hsmError(String error) {
    metrics.hsmError(error);
  }

  @Override
  public void linkChanged(boolean up) {
    metrics.linkChanged(up);
    record(up ? "hsm.link.up" : "hsm.link.lost", Map.of());
  }

  @Override
  public void reloaded(boolean ok) {
    metrics.reloaded(ok);
    record(ok ? "keystores.reloaded" : "keystores.refused", Map.of());
  }

  /** Records an event; logs (never throws) when the trail cannot take it. */
  public void record(String event, Map<String, String> details) {
    try {
      audit.event(event, details);
    } catch (AuditUnavailableException e) {
      LOG.log(Level.SEVERE, "the audit trail could not record the event " + event, e);
    }
  }
}
