package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.audit.CheckpointWitness;
import com.sovereignstamp.appliance.audit.WitnessRefusedException;
import com.sovereignstamp.appliance.audit.WitnessUnavailableException;
import com.sovereignstamp.appliance.audit.WitnessedCheckpoint;
import com.sovereignstamp.appliance.config.BridgeSettings;
import com.sovereignstamp.appliance.config.SettingsException;
import com.sovereignstamp.appliance.egress.EgressRefusedException;
import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.residency.EgressPurpose;
import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.checkpoint.CheckpointException;
import com.sovereignstamp.audit.checkpoint.Cosignature;
import com.sovereignstamp.audit.checkpoint.SignedCheckpoint;
import com.sovereignstamp.audit.merkle.ConsistencyProof;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.ServerKeyPin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The bridge's witness API ({@code /bridge/witness/checkpoints}, docs/hsm-bridge.md "Witness") on
 * the bridge's XKS listener, over the same TLS as the XKS calls ({@link XksClients}): the bridge's
 * CA and pinned certificates, the appliance's client certificate with its owner-only key. The
 * bridge knows the appliance as a witness client by that certificate's subject. Answers are parsed
 * here and checked by the caller; a 5xx, a timeout or a lost connection is "unavailable", a 4xx
 * problem a refusal with the problem's code.
 */
public final class HttpCheckpointWitness implements CheckpointWitness {
  static final String CHECKPOINTS = "/bridge/witness/checkpoints";
  static final String PROBLEM_TYPES = "https://sovereign-stamp.example/problems/witness/";
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  HttpCheckpointWitness(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base;
    this.timeout = timeout;
  }

  /**
   * @param timeout the budget of one witness call (connection and answer)
   * @throws SettingsException if the TLS files cannot be used
   * @throws EgressRefusedException if the residency policy does not allow the bridge
   */
  public static HttpCheckpointWitness create(
      BridgeSettings bridge, Duration timeout, OutboundClients outbound)
      throws EgressRefusedException {
    Optional<SSLContext> tls = Optional.empty();
    if (bridge.url().startsWith("https://")) {
      try {
        tls =
            Optional.of(
                PemTls.material(bridge.caFile(), bridge.clientCertFile(), bridge.clientKeyFile())
                    .sslContext(
                        bridge.pinnedCertificateFiles().stream()
                            .map(ServerKeyPin::fromCertificateFile)
                            .toList()));
      } catch (RuntimeException e) {
        throw new SettingsException(
            "stamp.bridge.*: the witness client cannot be built: " + e.getMessage(), e);
      }
    }
    URI base = URI.create(bridge.url());
    return new HttpCheckpointWitness(
        outbound.httpClient(base, EgressPurpose.AUDIT_WITNESS, tls, timeout), base, timeout);
  }

  @Override
  public Optional<WitnessedCheckpoint> latest()
      throws WitnessUnavailableException, WitnessRefusedException {
    Answer a = send(request(CHECKPOINTS + "/latest").GET());
    if (a.status() == 404 && "not-found".equals(a.problemCode())) {
      return Optional.empty();
    }
    return Optional.of(witnessed(a));
  }

  @Override
  public WitnessedCheckpoint submit(SignedCheckpoint checkpoint, ConsistencyProof proof)
      throws WitnessUnavailableException, WitnessRefusedException {
    CanonicalJson.ArrayBuilder hashes = CanonicalJson.array();
    proof.path().forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
    byte[] body =
        CanonicalJson.serialize(
            CanonicalJson.object()
                .put("checkpoint", CanonicalJson.parse(checkpoint.toCanonicalJson()))
                .put("consistencyProof", hashes)
                .build());
    return witnessed(
        send(
            request(CHECKPOINTS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
  }

  /** A 200 answer's {@code {"witnessed", "cosignature"}}; anything else refused or unavailable. */
  private static WitnessedCheckpoint witnessed(Answer a)
      throws WitnessUnavailableException, WitnessRefusedException {
    if (a.status() >= 500) {
      throw new WitnessUnavailableException(
          "the witness answered " + a.status() + " " + a.problemCode() + ": " + a.problemDetail());
    }
    if (a.status() != 200) {
      throw new WitnessRefusedException(a.problemCode(), a.problemDetail());
    }
    try {
      JsonObject o = (JsonObject) CanonicalJson.parse(a.body());
      return new WitnessedCheckpoint(
          SignedCheckpoint.parse(CanonicalJson.serialize(o.get("witnessed"))),
          Cosignature.fromJson(o.get("cosignature")));
    } catch (CheckpointException | RuntimeException e) {
      throw new WitnessRefusedException(
          WitnessRefusedException.MALFORMED_ANSWER,
          "the witness's answer is not a witnessed checkpoint with its co-signature");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Accept", "application/json, application/problem+json");
  }

  private Answer send(HttpRequest.Builder request) throws WitnessUnavailableException {
    try {
      HttpResponse<InputStream> r =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (body.length > MAX_ANSWER_BYTES) {
          throw new WitnessUnavailableException(
              "the witness's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        return new Answer(r.statusCode(), body);
      }
    } catch (IOException e) {
      throw new WitnessUnavailableException(
          e.getClass().getSimpleName()
              + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse(""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WitnessUnavailableException("interrupted");
    }
  }

  /** A status and body, with the problem's code and detail when the body is a problem. */
  private record Answer(int status, byte[] body) {
    String problemCode() {
      String type = member("type");
      return type != null && type.startsWith(PROBLEM_TYPES)
          ? type.substring(PROBLEM_TYPES.length())
          : "http-" + status;
    }

    String problemDetail() {
      String detail = member("detail");
      if (detail == null) {
        return "(no problem detail)";
      }
      return detail.length() > 300 ? detail.substring(0, 300) + "…" : detail;
    }

    private String member(String name) {
      try {
        return ((JsonString) ((JsonObject) CanonicalJson.parse(body)).get(name)).value();
      } catch (RuntimeException notAProblem) {
        return null;
      }
    }
  }
}
