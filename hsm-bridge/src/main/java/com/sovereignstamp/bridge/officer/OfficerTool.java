package com.sovereignstamp.bridge.officer;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.ApprovalAction;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.fips.BcFips;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A security officer's command line, run on the officer's own machine: makes a signed approval for
 * one loosening change (reinstate a key, add a grant) with the officer's private key, and prints it
 * as JSON on standard output, ready for the admin API. Run it with {@code
 * -Dorg.bouncycastle.fips.approved_only=true} ({@code hsm-bridge/bin/officer-tool} does).
 *
 * <pre>
 * approve --bridge NAME --officer NAME --private-key PEM --action reinstate|grant
 *         --key-store PREFIX --key-id ID
 *         [--credential C --client-subject S --uses decrypt,encrypt,metadata]   (grant only)
 *         [--lifetime PT30M] [--certificate PEM]
 * </pre>
 *
 * <p>{@code --bridge} is the name the bridge answers in {@code GET /bridge/admin/whoami}; {@code
 * --certificate}, if given, is the officer's certificate, checked to match the private key. Exit
 * status: 0 done, 1 failed, 2 usage error; errors are one line on standard error.
 */
public final class OfficerTool {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE_ERROR = 2;
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

  static final String USAGE =
      String.join(
          "\n",
          "usage: OfficerTool approve --bridge NAME --officer NAME --private-key PEM",
          "         --action reinstate|grant --key-store PREFIX --key-id ID",
          "         [--credential C --client-subject S --uses decrypt,encrypt,metadata]  (grant)",
          "         [--lifetime PT30M] [--certificate OFFICER_CERT_PEM]",
          "Prints the signed approval (JSON) on standard output.",
          "Exit status: 0 done, 1 failed, 2 usage error.");

  private static final Set<String> OPTIONS =
      Set.of(
          "--bridge",
          "--officer",
          "--private-key",
          "--action",
          "--key-store",
          "--key-id",
          "--credential",
          "--client-subject",
          "--uses",
          "--lifetime",
          "--certificate");

  private OfficerTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs one command; returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? USAGE_ERROR : OK;
    }
    try {
      if (!args[0].equals("approve")) {
        throw new UsageException("unknown command '" + args[0] + "'");
      }
      Approval approval = approve(options(List.of(args).subList(1, args.length)), clock);
      out.println(CanonicalJson.serializeToString(approval.toJson()));
      out.flush();
      return OK;
    } catch (UsageException e) {
      err.println("officer-tool: " + e.getMessage() + " (--help shows the usage)");
      return USAGE_ERROR;
    } catch (NoSuchFileException e) {
      err.println("officer-tool approve: no such file: " + e.getFile());
      return FAILED;
    } catch (Exception e) {
      String m = e.getMessage();
      err.println(
          "officer-tool approve: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
      return FAILED;
    }
  }

  private static Approval approve(Map<String, String> o, Clock clock) throws Exception {
    String bridge = required(o, "--bridge");
    String officer = required(o, "--officer");
    Path privateKeyFile = Path.of(required(o, "--private-key"));
    ApprovalAction action =
        ApprovalAction.fromWireName(required(o, "--action"))
            .orElseThrow(() -> new UsageException("--action must be reinstate or grant"));
    KeyRef key = new KeyRef(required(o, "--key-store"), required(o, "--key-id"));
    Optional<Grant> grant = Optional.empty();
    if (action == ApprovalAction.GRANT) {
      if (!o.containsKey("--client-subject")) {
        throw new UsageException(
            "--client-subject is required for a grant (\"\" for calls without a certificate)");
      }
      grant =
          Optional.of(
              new Grant(
                  key,
                  required(o, "--credential"),
                  o.get("--client-subject"),
                  uses(required(o, "--uses"))));
    } else {
      for (String g : List.of("--credential", "--client-subject", "--uses")) {
        if (o.containsKey(g)) {
          throw new UsageException(g + " is only for --action grant");
        }
      }
    }
    Duration lifetime = DEFAULT_LIFETIME;
    if (o.containsKey("--lifetime")) {
      try {
        lifetime = Duration.parse(o.get("--lifetime"));
      } catch (DateTimeException e) {
        throw new UsageException("--lifetime must be an ISO-8601 duration such as PT30M");
      }
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new UsageException("--lifetime must be positive");
      }
    }
    Optional<X509Certificate> certificate =
        o.containsKey("--certificate")
            ? Optional.of(certificate(Path.of(o.get("--certificate"))))
            : Optional.empty();

    Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    PrivateKey privateKey = PrivateKeyPem.read(privateKeyFile);
    Approval approval =
        ApprovalSigner.sign(
            bridge, action, key, grant, ApprovalSigner.newNonce(), expiresAt, officer, privateKey);
    if (certificate.isPresent() && !approval.verifiesWith(certificate.get().getPublicKey())) {
      throw new IllegalStateException(
          "the private key does not belong to the certificate " + o.get("--certificate"));
    }
    return approval;
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!OPTIONS.contains(name)) {
        throw new UsageException("unknown option '" + name + "'");
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(name + " needs a value");
      }
      if (o.put(name, args.get(i + 1)) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    return o;
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null || v.isEmpty()) {
      throw new UsageException(name + " is required");
    }
    return v;
  }

  private static Set<KeyUse> uses(String list) {
    Set<KeyUse> uses = EnumSet.noneOf(KeyUse.class);
    for (String u : list.split(",", -1)) {
      uses.add(
          KeyUse.fromWireName(u.trim())
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--uses: each must be metadata, encrypt or decrypt, not '" + u + "'")));
    }
    return uses;
  }

  private static X509Certificate certificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509", BcFips.provider()).generateCertificate(in);
    }
  }

  /** A command line that does not say what to do. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
