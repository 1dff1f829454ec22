package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.audit.WitnessedCheckpoint;
import com.sovereignstamp.appliance.mode.ModeState;
import com.sovereignstamp.audit.checkpoint.Checkpoint;
import com.sovereignstamp.audit.merkle.RootHash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code /api/v1/status}: the stamp's mode, region and the state of its keys and audit log — its
 * size, latest signed checkpoint and the last checkpoint the witness (the HSM bridge) co-signed
 * ({@code null} before the first). Root hashes in Base64, as in the checkpoints themselves.
 */
@Path("status")
@ApplicationScoped
public class StatusResource {
  @Inject ApplianceRuntime runtime;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.STAMP_ADMIN,
    Roles.SECURITY_OFFICER,
    Roles.AUDITOR,
    Roles.USER,
    Roles.BACKUP_AGENT
  })
  public String status() {
    var s = runtime.settings();
    ModeState mode = runtime.mode().current();
    return JSON.createObjectBuilder()
        .add("mode", mode.mode().name())
        .add("modeSince", mode.since().toString())
        .add("modeReason", mode.reason())
        .add("stampId", s.identity().stampId())
        .add("region", s.identity().region())
        .add("profile", s.profile().name().toLowerCase(Locale.ROOT))
        .add(
            "keys",
            JSON.createObjectBuilder()
                .add("cmkKeyId", s.bridge().cmkKeyId())
                .add("cached", runtime.cache().size())
                .add("inMemory", runtime.cache().inMemory())
                .add("purges", runtime.cache().purges())
                .add("unwraps", runtime.cache().unwraps())
                .add("softTtl", s.dekCache().softTtl().toString())
                .add("hardTtl", s.dekCache().hardTtl().toString()))
        .add("audit", audit())
        .build()
        .toString();
  }

  private JsonObjectBuilder audit() {
    JsonObjectBuilder audit =
        JSON.createObjectBuilder().add("entries", runtime.auditLog().tree().size());
    audit.add(
        "lastCheckpoint",
        runtime
            .checkpoints()
            .latest()
            .<JsonValue>map(c -> checkpoint(c.checkpoint()).build())
            .orElse(JsonValue.NULL));
    audit.add(
        "lastWitnessed",
        runtime
            .witness()
            .lastWitnessed()
            .<JsonValue>map(w -> witnessed(w).build())
            .orElse(JsonValue.NULL));
    return audit;
  }

  private static JsonObjectBuilder checkpoint(Checkpoint c) {
    return JSON.createObjectBuilder()
        .add("size", c.treeSize())
        .add("rootHash", base64(c.rootHash()))
        .add("time", c.time().toString());
  }

  private static JsonObjectBuilder witnessed(WitnessedCheckpoint w) {
    return JSON.createObjectBuilder()
        .add("size", w.size())
        .add("rootHash", base64(w.rootHash()))
        .add("witnessedAt", w.witnessedAt().toString())
        .add("witness", w.witness());
  }

  private static String base64(RootHash root) {
    return Base64.getEncoder().encodeToString(root.bytes());
  }
}
