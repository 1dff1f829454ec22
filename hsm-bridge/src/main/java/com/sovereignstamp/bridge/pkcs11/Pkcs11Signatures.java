package com.sovereignstamp.bridge.pkcs11;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * EC P-256 keys in the token for signing (the audit log's checkpoints, witness co-signatures):
 * finding them by label, signing a SHA-256 digest with {@code CKM_ECDSA}, reading the public key.
 */
final class Pkcs11Signatures {
  /** DER of the OID of NIST P-256 (prime256v1), as {@code CKA_EC_PARAMS} holds it. */
  static final byte[] P256_PARAMS = {
    0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07
  };

  private static final int P256_FIELD_BYTES = 32;

  private Pkcs11Signatures() {}

  /** An ECDSA signature over a SHA-256 digest, DER-encoded ({@code SEQUENCE {r, s}}). */
  static byte[] signDigest(PKCS11 p11, long session, long privateKey, byte[] digest)
      throws PKCS11Exception {
    p11.C_SignInit(session, new CK_MECHANISM(Ck.CKM_ECDSA), privateKey);
    byte[] raw = p11.C_Sign(session, digest);
    if (raw.length != 2 * P256_FIELD_BYTES) {
      throw new PKCS11Exception(Ck.CKR_GENERAL_ERROR, " not a P-256 signature");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, P256_FIELD_BYTES));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, P256_FIELD_BYTES, raw.length));
    try {
      return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a signature", e);
    }
  }

  /** The public key's SubjectPublicKeyInfo (DER); the key must be on P-256. */
  static byte[] subjectPublicKeyInfo(PKCS11 p11, long session, long publicKey)
      throws PKCS11Exception {
    CK_ATTRIBUTE[] attributes = {
      new CK_ATTRIBUTE(Ck.CKA_EC_PARAMS), new CK_ATTRIBUTE(Ck.CKA_EC_POINT)
    };
    p11.C_GetAttributeValue(session, publicKey, attributes);
    byte[] params = attributes[0].getByteArray();
    if (!Arrays.equals(params, P256_PARAMS)) {
      throw new PKCS11Exception(Ck.CKR_GENERAL_ERROR, " the signing key is not on P-256");
    }
    byte[] point = uncompressedPoint(attributes[1].getByteArray());
    try {
      return new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(
                  X9ObjectIdentifiers.id_ecPublicKey,
                  ASN1ObjectIdentifier.getInstance(ASN1Primitive.fromByteArray(params))),
              point)
          .getEncoded();
    } catch (IOException e) {
      throw new PKCS11Exception(Ck.CKR_GENERAL_ERROR, " unreadable EC public key");
    }
  }

  /** {@code CKA_EC_POINT} is a DER OCTET STRING by the standard; some modules give it raw. */
  private static byte[] uncompressedPoint(byte[] value) {
    int raw = 1 + 2 * P256_FIELD_BYTES;
    if (value.length == raw && value[0] == 0x04) {
      return value;
    }
    return ASN1OctetString.getInstance(value).getOctets();
  }
}
