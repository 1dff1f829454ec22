package com.sovereignstamp.audit.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.login.LoginException;

/**
 * The checkpoint key as an EC P-256 private key inside a PKCS#11 token (an HSM; SoftHSM2 in tests),
 * reached through the JDK's SunPKCS11 provider and its public API only. Signing happens in the
 * token; the private key is generated there as sensitive and non-extractable and never leaves it.
 *
 * <p><b>Configuration</b> is a SunPKCS11 configuration file: {@code name}, {@code library} (the
 * PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}) and the token's {@code slot} (its
 * id) or {@code slotListIndex}. SunPKCS11 has no token-label selector and the public API cannot
 * read a token's label, so the token is chosen by slot; {@code pkcs11-tool --module LIB
 * --list-token-slots} or {@code softhsm2-util --show-slots} show which slot holds which label.
 *
 * <p><b>Finding the key.</b> The JDK's PKCS#11 key store lists a private key only when a
 * certificate with the same {@code CKA_ID} is in the token, and a key store is the only public way
 * to reach a token key. So {@link #generate} stores a self-signed certificate next to the key,
 * under the same label; the certificate also makes the public key readable. A key made by other
 * tools (e.g. {@code pkcs11-tool --keypairgen}) is found only once such a certificate is added.
 *
 * <p><b>PIN.</b> The user PIN comes from the caller (see {@link Secrets}: an environment variable
 * or a file); it is used for the login and not kept. PKCS#11 login state belongs to the whole
 * process: once any code in this JVM is logged in to the token, the token does not ask again.
 */
public final class Pkcs11CheckpointSigner implements CheckpointSigner {
  static final String KEY_STORE_TYPE = "PKCS11";
  static final String CURVE = "secp256r1";

  /** Appended to the configuration: what a generated key pair looks like inside the token. */
  private static final String GENERATED_KEY_TEMPLATE =
      """

      attributes(generate, CKO_PRIVATE_KEY, CKK_EC) = {
        CKA_TOKEN = true
        CKA_PRIVATE = true
        CKA_SENSITIVE = true
        CKA_EXTRACTABLE = false
        CKA_SIGN = true
        CKA_DECRYPT = false
        CKA_UNWRAP = false
        CKA_DERIVE = false
      }
      attributes(generate, CKO_PUBLIC_KEY, CKK_EC) = {
        CKA_TOKEN = false
        CKA_VERIFY = true
      }
      """;

  private final Provider provider;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;
  private final String label;

  private Pkcs11CheckpointSigner(
      Provider provider, PrivateKey privateKey, PublicKey publicKey, String label) {
    this.provider = provider;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = KeyIds.of(publicKey);
    this.label = label;
  }

  /**
   * Logs in to the token named by {@code sunPkcs11Config} with {@code pin} and opens the key
   * labelled {@code keyLabel}.
   *
   * @throws IOException if the configuration file cannot be read
   * @throws GeneralSecurityException if the module or token cannot be opened, the PIN is refused,
   *     or there is no P-256 key (with its certificate) under that label
   */
  public static Pkcs11CheckpointSigner open(Path sunPkcs11Config, char[] pin, String keyLabel)
      throws IOException, GeneralSecurityException {
    Provider provider = configure(sunPkcs11Config);
    KeyStore token = login(provider, pin);
    if (!token.isKeyEntry(keyLabel)) {
      throw new GeneralSecurityException(
          "no signing key labelled '"
              + keyLabel
              + "' in the token (a private key is found only with a certificate of the same"
              + " CKA_ID; create one with 'audit keygen --pkcs11-config')");
    }
    Key key = token.getKey(keyLabel, null);
    Certificate certificate = token.getCertificate(keyLabel);
    if (!(key instanceof PrivateKey privateKey)
        || certificate == null
        || !isP256(certificate.getPublicKey())) {
      throw new GeneralSecurityException(
          "the key labelled '" + keyLabel + "' is not an EC P-256 key");
    }
    return new Pkcs11CheckpointSigner(provider, privateKey, certificate.getPublicKey(), keyLabel);
  }

  /**
   * Generates a P-256 key pair inside the token: the private key a sensitive, non-extractable token
   * object labelled {@code keyLabel}, with a self-signed certificate of {@code subject} under the
   * same label and id. Refuses a label the token already shows.
   *
   * @return the new public key
   */
  public static PublicKey generate(
      Path sunPkcs11Config, char[] pin, String keyLabel, String subject)
      throws IOException, GeneralSecurityException {
    Provider provider = configure(sunPkcs11Config);
    KeyStore token = login(provider, pin);
    if (token.containsAlias(keyLabel)) {
      throw new GeneralSecurityException(
          "the token already holds an entry labelled '" + keyLabel + "'; refusing to add another");
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
    generator.initialize(new ECGenParameterSpec(CURVE));
    KeyPair pair = generator.generateKeyPair();
    Certificate certificate =
        SelfSignedCertificates.create(pair.getPublic(), pair.getPrivate(), provider, subject);
    token.setKeyEntry(keyLabel, pair.getPrivate(), null, new Certificate[] {certificate});
    return certificate.getPublicKey();
  }

  private static Provider configure(Path sunPkcs11Config)
      throws IOException, GeneralSecurityException {
    String config;
    try {
      config = Files.readString(sunPkcs11Config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read the PKCS#11 configuration " + sunPkcs11Config);
    }
    Provider prototype = Security.getProvider("SunPKCS11");
    if (prototype == null) {
      throw new GeneralSecurityException("this JDK has no SunPKCS11 provider");
    }
    try {
      // "--" marks an inline configuration (SunPKCS11's public configure contract)
      return prototype.configure("--" + config + GENERATED_KEY_TEMPLATE);
    } catch (ProviderException | IllegalArgumentException e) {
      throw new GeneralSecurityException(
          "cannot open the PKCS#11 token configured in " + sunPkcs11Config + ": " + rootMessage(e));
    }
  }

  private static KeyStore login(Provider provider, char[] pin)
      throws IOException, GeneralSecurityException {
    KeyStore token = KeyStore.getInstance(KEY_STORE_TYPE, provider);
    try {
      token.load(null, pin);
    } catch (IOException e) {
      String reason = rootMessage(e);
      if (reason.contains("CKR_PIN_LOCKED")) {
        throw new GeneralSecurityException("the token's user PIN is locked");
      }
      if (hasCause(e, LoginException.class) || reason.contains("CKR_PIN")) {
        throw new GeneralSecurityException("the token refused the user PIN");
      }
      throw new GeneralSecurityException("cannot open the token's key store: " + reason);
    }
    return token;
  }

  private static boolean isP256(PublicKey key) {
    return key instanceof ECPublicKey ec
        && ec.getParams().getCurve().getField().getFieldSize() == 256;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The key's label in the token. */
  public String label() {
    return label;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance(CheckpointVerifier.ALGORITHM, provider);
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException | ProviderException e) {
      throw new IllegalStateException(
          "checkpoint signing in the token failed: " + rootMessage(e), e);
    }
  }

  @Override
  public String toString() {
    return "Pkcs11CheckpointSigner[" + label + ", " + keyId + "]";
  }
}
