package com.sovereignstamp.bench;

import com.sovereignstamp.sigv4.SigV4Signer;
import com.sovereignstamp.sigv4.SigningSecret;
import com.sovereignstamp.xks.client.PemTls;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * One bridge the driver measures, as its options describe it: where it listens, the client
 * certificate and SigV4 credential it accepts, its key, and its process (for CPU figures).
 */
final class BridgeUnderTest {
  private final BenchOptions options;
  private final SSLContext context;
  private final Target target;
  private final SigV4Signer signer;

  BridgeUnderTest(BenchOptions options) {
    this.options = options;
    this.context = PemTls.mutual(options.caCert(), options.clientCert(), options.clientKey());
    this.target = Target.of(options.url(), Math.toIntExact(options.timeout().toMillis()));
    this.signer =
        new SigV4Signer(
            options.accessKeyId(),
            SigningSecret.of(options.secretAccessKey()),
            options.region(),
            XksBench.SERVICE,
            Clock.systemUTC());
  }

  BenchOptions options() {
    return options;
  }

  SSLContext context() {
    return context;
  }

  Target target() {
    return target;
  }

  /** One XKS encrypt per payload size: the ciphertexts to decrypt. */
  List<DecryptFixture> encryptFixtures() {
    XksClientSettings settings =
        XksClientSettings.builder()
            .baseUrl(options.url())
            .uriPrefix(options.uriPrefix())
            .region(options.region())
            .credentials(options.accessKeyId(), SigningSecret.of(options.secretAccessKey()))
            .sslContext(context)
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    try (XksClient client = new XksClient(settings)) {
      return Fixtures.encrypt(client, options.keyId(), options.payloads());
    }
  }

  /** XKS decrypt of the fixture, checked by one request before it is returned. */
  Workload xksDecrypt(DecryptFixture fixture) throws IOException {
    return preflight(
        new XksDecryptWorkload(
            target, options.uriPrefix(), options.region(), options.keyId(), signer, fixture));
  }

  /** The baseline endpoint's decrypt of the fixture, checked by one request. */
  Workload baseline(DecryptFixture fixture) throws IOException {
    return preflight(new BaselineDecryptWorkload(target, options.hsmLabel(), fixture));
  }

  /** A closed loop against this bridge, with its CPU use where its pid is known. */
  ClosedLoopRun closedLoop() {
    return new ClosedLoopRun(context, target, options.bridgePid());
  }

  /** Lines of the bridge's Prometheus metrics that {@code wanted} keeps. */
  List<String> counters(Predicate<String> wanted) {
    return BridgeCounters.scrape(context, target, wanted);
  }

  /** One request of each workload must succeed before anything is measured. */
  private Workload preflight(Workload w) throws IOException {
    try (TlsConnection c = TlsConnection.open(context, target)) {
      HttpResponse r = c.exchange(w.nextRequest());
      if (!w.isExpected(r)) {
        String detail =
            r.status() == 200
                ? "a body without the expected plaintext"
                : new String(r.body(), 0, Math.min(r.body().length, 300), StandardCharsets.UTF_8);
        throw new IllegalStateException(
            w.scenario() + " " + w.payload() + ": HTTP " + r.status() + ", " + detail);
      }
    }
    return w;
  }
}
