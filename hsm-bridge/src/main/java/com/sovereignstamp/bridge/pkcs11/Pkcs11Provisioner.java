package com.sovereignstamp.bridge.pkcs11;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Creates, removes and lists AES-256 keys in a token, for the demo and the tests (a bank creates
 * its keys with its HSM vendor's tools). Keys are generated inside the token, sensitive and not
 * extractable; their encrypt and decrypt attributes are set as asked.
 *
 * <pre>
 * java --add-exports ... -cp CLASSES com.sovereignstamp.bridge.pkcs11.Pkcs11Provisioner \
 *     LIBRARY TOKEN_LABEL PIN_FILE generate LABEL [encrypt] [decrypt]
 *     LIBRARY TOKEN_LABEL PIN_FILE delete LABEL
 *     LIBRARY TOKEN_LABEL PIN_FILE usage LABEL [encrypt] [decrypt]
 *     LIBRARY TOKEN_LABEL PIN_FILE generate-ec LABEL
 *     LIBRARY TOKEN_LABEL PIN_FILE public-key LABEL
 * </pre>
 *
 * <p>{@code generate-ec} makes an EC P-256 key pair for signing (the audit log's checkpoints): the
 * private key sensitive, not extractable, sign only; {@code public-key} prints the public key as
 * PEM for auditors.
 */
public final class Pkcs11Provisioner implements AutoCloseable {
  private final PKCS11 p11;
  private final long session;

  private Pkcs11Provisioner(PKCS11 p11, long session) {
    this.p11 = p11;
    this.session = session;
  }

  public static Pkcs11Provisioner open(Path library, String tokenLabel, PinSource pin)
      throws Exception {
    Pkcs11Settings settings =
        new Pkcs11Settings(
            library,
            Optional.of(tokenLabel),
            Optional.empty(),
            pin,
            1,
            java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(1));
    PKCS11 p11 = Pkcs11Library.load(library).api();
    Pkcs11Token token = Pkcs11Token.open(p11, settings);
    return new Pkcs11Provisioner(p11, token.withSession((api, s) -> s));
  }

  /** Generates a token-resident AES-256 key with the given label and usage attributes. */
  public void generate(String label, boolean encrypt, boolean decrypt) throws PKCS11Exception {
    if (Pkcs11Keys.find(p11, session, label).isPresent()) {
      throw new IllegalStateException("a key labelled " + label + " exists already");
    }
    CK_ATTRIBUTE[] template = {
      new CK_ATTRIBUTE(Ck.CKA_CLASS, Ck.CKO_SECRET_KEY),
      new CK_ATTRIBUTE(Ck.CKA_KEY_TYPE, Ck.CKK_AES),
      new CK_ATTRIBUTE(Ck.CKA_VALUE_LEN, 32L),
      new CK_ATTRIBUTE(Ck.CKA_TOKEN, true),
      new CK_ATTRIBUTE(Ck.CKA_PRIVATE, true),
      new CK_ATTRIBUTE(Ck.CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(Ck.CKA_EXTRACTABLE, false),
      new CK_ATTRIBUTE(Ck.CKA_LABEL, label.toCharArray()),
      new CK_ATTRIBUTE(Ck.CKA_ENCRYPT, encrypt),
      new CK_ATTRIBUTE(Ck.CKA_DECRYPT, decrypt),
      new CK_ATTRIBUTE(Ck.CKA_WRAP, false),
      new CK_ATTRIBUTE(Ck.CKA_UNWRAP, false),
      new CK_ATTRIBUTE(Ck.CKA_SIGN, false),
      new CK_ATTRIBUTE(Ck.CKA_VERIFY, false),
      new CK_ATTRIBUTE(Ck.CKA_DERIVE, false)
    };
    p11.C_GenerateKey(session, new CK_MECHANISM(Ck.CKM_AES_KEY_GEN), template);
  }

  /** Generates a token-resident EC P-256 signing key pair under one label. */
  public void generateEc(String label) throws PKCS11Exception {
    if (Pkcs11Objects.find(p11, session, Ck.CKO_PRIVATE_KEY, label).isPresent()) {
      throw new IllegalStateException("a key labelled " + label + " exists already");
    }
    CK_ATTRIBUTE[] publicTemplate = {
      new CK_ATTRIBUTE(Ck.CKA_TOKEN, true),
      new CK_ATTRIBUTE(Ck.CKA_PRIVATE, false),
      new CK_ATTRIBUTE(Ck.CKA_LABEL, label.toCharArray()),
      new CK_ATTRIBUTE(Ck.CKA_EC_PARAMS, Pkcs11Signatures.P256_PARAMS),
      new CK_ATTRIBUTE(Ck.CKA_VERIFY, true),
      new CK_ATTRIBUTE(Ck.CKA_ENCRYPT, false),
      new CK_ATTRIBUTE(Ck.CKA_WRAP, false)
    };
    CK_ATTRIBUTE[] privateTemplate = {
      new CK_ATTRIBUTE(Ck.CKA_TOKEN, true),
      new CK_ATTRIBUTE(Ck.CKA_PRIVATE, true),
      new CK_ATTRIBUTE(Ck.CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(Ck.CKA_EXTRACTABLE, false),
      new CK_ATTRIBUTE(Ck.CKA_LABEL, label.toCharArray()),
      new CK_ATTRIBUTE(Ck.CKA_SIGN, true),
      new CK_ATTRIBUTE(Ck.CKA_DECRYPT, false),
      new CK_ATTRIBUTE(Ck.CKA_UNWRAP, false),
      new CK_ATTRIBUTE(Ck.CKA_DERIVE, false)
    };
    p11.C_GenerateKeyPair(
        session, new CK_MECHANISM(Ck.CKM_EC_KEY_PAIR_GEN), publicTemplate, privateTemplate);
  }

  /** The public key of an EC key pair, as PEM. */
  public String publicKeyPem(String label) throws PKCS11Exception {
    long key =
        Pkcs11Objects.find(p11, session, Ck.CKO_PUBLIC_KEY, label)
            .orElseThrow(() -> new IllegalStateException("no public key labelled " + label));
    String base64 =
        java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(Pkcs11Signatures.subjectPublicKeyInfo(p11, session, key));
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** Sets a key's encrypt and decrypt attributes. */
  public void setUsage(String label, boolean encrypt, boolean decrypt) throws PKCS11Exception {
    long key = require(label);
    p11.C_SetAttributeValue(
        session,
        key,
        new CK_ATTRIBUTE[] {
          new CK_ATTRIBUTE(Ck.CKA_ENCRYPT, encrypt), new CK_ATTRIBUTE(Ck.CKA_DECRYPT, decrypt)
        });
  }

  /** Destroys the key with this label. */
  public void delete(String label) throws PKCS11Exception {
    p11.C_DestroyObject(session, require(label));
  }

  private long require(String label) throws PKCS11Exception {
    return Pkcs11Keys.find(p11, session, label)
        .orElseThrow(() -> new IllegalStateException("no key labelled " + label));
  }

  @Override
  public void close() {
    try {
      p11.C_CloseSession(session);
    } catch (PKCS11Exception ignored) {
      // nothing left to release
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: LIBRARY TOKEN_LABEL PIN_FILE generate|usage|delete|generate-ec|public-key LABEL"
              + " [encrypt] [decrypt]");
      System.exit(64);
    }
    List<String> flags = new ArrayList<>(Arrays.asList(args).subList(5, args.length));
    try (Pkcs11Provisioner p =
        open(Path.of(args[0]), args[1], new PinSource.FromFile(Path.of(args[2])))) {
      switch (args[3]) {
        case "generate" ->
            p.generate(args[4], flags.contains("encrypt"), flags.contains("decrypt"));
        case "usage" -> p.setUsage(args[4], flags.contains("encrypt"), flags.contains("decrypt"));
        case "delete" -> p.delete(args[4]);
        case "generate-ec" -> p.generateEc(args[4]);
        case "public-key" -> System.out.print(p.publicKeyPem(args[4]));
        default -> {
          System.err.println("unknown action " + args[3]);
          System.exit(64);
        }
      }
    }
  }
}
