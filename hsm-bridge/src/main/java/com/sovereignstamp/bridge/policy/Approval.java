package com.sovereignstamp.bridge.policy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.fips.BcFips;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One officer's signed consent to one loosening change: the bridge, the action, the key (and for a
 * grant, the grant itself), a single-use nonce and an expiry, named by the officer and signed with
 * the officer's key (ECDSA P-256, SHA-256) over {@link #SIGNING_LABEL} followed by the payload's
 * RFC 8785 canonical JSON.
 *
 * <p>Wire form: {@code {"approval": {payload}, "signature": "base64url DER"}}; the payload's
 * members are {@code v} (1), {@code bridge}, {@code action}, {@code keyStore}, {@code keyId},
 * {@code grant} (grants only: {@code credential}, {@code clientSubject}, {@code uses}), {@code
 * nonce} (base64url, 16 to 48 random bytes), {@code expiresAt} (ISO-8601 instant) and {@code
 * officer}.
 */
public record Approval(
    String bridge,
    ApprovalAction action,
    KeyRef key,
    Optional<Grant> grant,
    String nonce,
    Instant expiresAt,
    String officer,
    byte[] signature) {

  public static final byte[] SIGNING_LABEL =
      "sovereign-stamp officer approval v1\n".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  public Approval {
    if (!NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("the nonce must be 22 to 64 base64url characters");
    }
    if ((action == ApprovalAction.GRANT) != grant.isPresent()) {
      throw new IllegalArgumentException("a grant approval, and only one, names the grant");
    }
    grant.ifPresent(
        g -> {
          if (!g.key().equals(key)) {
            throw new IllegalArgumentException("the grant is for another key");
          }
        });
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The payload as canonical JSON (what is signed, after the label). */
  public JsonObject payload() {
    CanonicalJson.ObjectBuilder b =
        CanonicalJson.object()
            .put("v", 1)
            .put("bridge", bridge)
            .put("action", action.wireName())
            .put("keyStore", key.keyStore())
            .put("keyId", key.keyId())
            .put("nonce", nonce)
            .put("expiresAt", expiresAt.toString())
            .put("officer", officer);
    grant.ifPresent(g -> b.put("grant", grantJson(g)));
    return b.build();
  }

  /** A grant's members as approvals and the admin API write them. */
  public static CanonicalJson.ObjectBuilder grantJson(Grant g) {
    CanonicalJson.ArrayBuilder uses = CanonicalJson.array();
    g.uses().stream().sorted().forEach(u -> uses.add(u.wireName()));
    return CanonicalJson.object()
        .put("credential", g.credential())
        .put("clientSubject", g.clientSubject())
        .put("uses", uses);
  }

  /** The signature algorithm of approvals: ECDSA P-256 with SHA-256, DER-encoded. */
  public static final String ALGORITHM = "SHA256withECDSA";

  /** Whether the signature verifies with {@code publicKey} (Bouncy Castle FIPS). */
  public boolean verifiesWith(PublicKey publicKey) {
    try {
      Signature s = Signature.getInstance(ALGORITHM, BcFips.provider());
      s.initVerify(publicKey);
      s.update(signedBytes());
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The bytes the officer signs. */
  public byte[] signedBytes() {
    return signedBytes(payload());
  }

  public static byte[] signedBytes(JsonObject payload) {
    byte[] body = CanonicalJson.serialize(payload);
    byte[] out = new byte[SIGNING_LABEL.length + body.length];
    System.arraycopy(SIGNING_LABEL, 0, out, 0, SIGNING_LABEL.length);
    System.arraycopy(body, 0, out, SIGNING_LABEL.length, body.length);
    return out;
  }

  /** The wire form. */
  public JsonObject toJson() {
    return CanonicalJson.object()
        .put("approval", payload())
        .put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature))
        .build();
  }

  /**
   * Reads the wire form.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Approval fromJson(JsonValue value) {
    JsonObject o = object(value, "an approval");
    JsonObject p = object(o.get("approval"), "approval");
    if (!(p.get("v") instanceof com.sovereignstamp.audit.canonical.JsonNumber n)
        || !"1".equals(CanonicalJson.serializeToString(n))) {
      throw new IllegalArgumentException("approval.v must be 1");
    }
    ApprovalAction action =
        ApprovalAction.fromWireName(text(p, "action"))
            .orElseThrow(() -> new IllegalArgumentException("approval.action is not known"));
    KeyRef key = new KeyRef(text(p, "keyStore"), text(p, "keyId"));
    Optional<Grant> grant =
        p.get("grant") == null ? Optional.empty() : Optional.of(grant(key, p.get("grant")));
    Instant expires;
    try {
      expires = Instant.parse(text(p, "expiresAt"));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("approval.expiresAt is not an ISO-8601 instant");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(text(o, "signature"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64url");
    }
    Approval a =
        new Approval(
            text(p, "bridge"),
            action,
            key,
            grant,
            text(p, "nonce"),
            expires,
            text(p, "officer"),
            signature);
    if (p.members().size() != a.payload().members().size()) {
      throw new IllegalArgumentException("the approval has members this bridge does not know");
    }
    return a;
  }

  /** Reads a grant as approvals and the admin API write it. */
  public static Grant grant(KeyRef key, JsonValue value) {
    JsonObject g = object(value, "grant");
    if (!(g.get("uses") instanceof JsonArray uses) || uses.elements().isEmpty()) {
      throw new IllegalArgumentException("grant.uses must be a non-empty array");
    }
    Set<KeyUse> set = EnumSet.noneOf(KeyUse.class);
    for (JsonValue u : uses.elements()) {
      if (!(u instanceof JsonString s) || KeyUse.fromWireName(s.value()).isEmpty()) {
        throw new IllegalArgumentException("grant.uses: each must be metadata, encrypt or decrypt");
      }
      set.add(KeyUse.fromWireName(s.value()).get());
    }
    return new Grant(key, text(g, "credential"), text(g, "clientSubject"), set);
  }

  private static JsonObject object(JsonValue v, String what) {
    if (!(v instanceof JsonObject o)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return o;
  }

  private static String text(JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonString s)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return s.value();
  }
}
