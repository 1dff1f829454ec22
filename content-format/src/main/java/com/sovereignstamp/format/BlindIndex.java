package com.sovereignstamp.format;

import com.sovereignstamp.fips.BcFips;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The blind index of a data-subject id: {@code HMAC-SHA-256(index key, lp("subject-id-v1") ‖ scope
 * ‖ lp(subject id))}, 32 bytes. The index key is the collection's own versioned key, wrapped by the
 * customer's CMK like a DEK ({@link WrapContext#forIndexKey}) and independent of DEK versions and
 * subject keys, so erasure and rotation never invalidate the index or the erasure ledger
 * (docs/format.md, "Blind index").
 */
public final class BlindIndex {
  public static final String LABEL = "subject-id-v1";
  public static final int MAX_SUBJECT_ID_BYTES = 1024;

  private BlindIndex() {}

  /** {@code subjectId} as the collection normalises it (exact bytes matter). */
  public static byte[] compute(KeyMaterial indexKey, CollectionScope scope, byte[] subjectId) {
    if (indexKey.length() != FormatV1.KEY_SIZE) {
      throw new IllegalArgumentException("the index key is " + FormatV1.KEY_SIZE + " bytes");
    }
    if (subjectId.length == 0 || subjectId.length > MAX_SUBJECT_ID_BYTES) {
      throw new IllegalArgumentException("subject id must be 1 to 1024 bytes");
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    Encoding.lengthPrefixed(message, LABEL);
    scope.writeTo(message);
    Encoding.lengthPrefixed(message, subjectId);
    try {
      Mac mac = Mac.getInstance(FormatV1.HMAC_SHA256, BcFips.provider());
      mac.init(new SecretKeySpec(indexKey.bytes(), FormatV1.HMAC_SHA256));
      return mac.doFinal(message.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable from Bouncy Castle FIPS", e);
    }
  }
}
