package com.sovereignstamp.bench.crypto;

import com.sovereignstamp.fips.BcFips;
import com.sovereignstamp.format.ContentKeys;
import com.sovereignstamp.format.EncryptionContext;
import com.sovereignstamp.format.FormatV1;
import com.sovereignstamp.format.KeyMaterial;
import com.sovereignstamp.format.Purpose;
import com.sovereignstamp.format.SegmentDecryptor;
import com.sovereignstamp.format.SegmentEncryptor;
import java.io.ByteArrayOutputStream;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stored format, version 1, on Bouncy Castle FIPS: one whole object per operation, as a write
 * or a read of one document does it. Encrypting starts a new object (a fresh header: salt and nonce
 * prefix from an approved DRBG, an HKDF-derived per-object key) and seals its 64 KiB segments, each
 * with its own nonce and the header and context as AAD; decrypting parses the header, derives the
 * key and opens every segment. Segments go through the segment API ({@code encryptSegment}, {@code
 * decryptSegment}) straight from and into arrays: no stream copies. The set-up runs {@link PreWarm}
 * first, as the raw GCM benchmark does.
 */
@State(Scope.Thread)
public class SegmentedFormatBenchmark {
  @Param({"4096", "1048576"})
  int size;

  private SecureRandom drbg;
  private KeyMaterial dek;
  private ContentKeys keys;
  private EncryptionContext context;
  private byte[] plaintext;
  private StoredObject stored;

  /** What the rows of one object hold: the header and the encrypted segments, in order. */
  private record StoredObject(byte[] header, byte[][] segments) {}

  @Setup
  public void setUp() {
    Provider p = BcFipsCheck.approvedOnlyProvider();
    drbg = BcFips.drbg();
    dek = KeyMaterial.generate(drbg);
    keys = ContentKeys.collectionDek(1, dek);
    context = EncryptionContext.of("stamp-bench", "eu-de", "benchmarks", "doc-0001");
    plaintext = random(size);
    stored = seal(plaintext, s -> {});
    ByteArrayOutputStream back = new ByteArrayOutputStream(size);
    open(stored, back::writeBytes);
    if (!Arrays.equals(back.toByteArray(), plaintext)) {
      throw new IllegalStateException("the format did not round-trip");
    }
    preWarm();
    BcFipsCheck.reportStatus(p);
  }

  @TearDown
  public void tearDown() {
    dek.close();
  }

  @Benchmark
  public void encrypt(Blackhole sink) {
    seal(plaintext, sink::consume);
  }

  @Benchmark
  public void decrypt(Blackhole sink) {
    open(stored, sink::consume);
  }

  private void preWarm() {
    byte[] message = random(PreWarm.messageSize(size));
    StoredObject sealed = seal(message, s -> {});
    for (int i = 0; i < PreWarm.ROUNDS; i++) {
      seal(message, s -> {});
      open(sealed, s -> {});
    }
  }

  /** A new object holding {@code message}; every segment is also handed to {@code sink}. */
  private StoredObject seal(byte[] message, Consumer<byte[]> sink) {
    int count = segmentCount(message.length);
    byte[][] segments = new byte[count][];
    try (SegmentEncryptor e = SegmentEncryptor.start(keys, context, Purpose.CONTENT, drbg)) {
      byte[] header = e.header();
      sink.accept(header);
      for (int i = 0; i < count; i++) {
        int offset = i * FormatV1.PLAINTEXT_SEGMENT_SIZE;
        int length = Math.min(FormatV1.PLAINTEXT_SEGMENT_SIZE, message.length - offset);
        segments[i] = e.encryptSegment(message, offset, length, i == count - 1);
        sink.accept(segments[i]);
      }
      return new StoredObject(header, segments);
    }
  }

  /** Opens every segment of {@code object}, handing the plaintexts to {@code sink} in order. */
  private void open(StoredObject object, Consumer<byte[]> sink) {
    byte[][] segments = object.segments();
    try (SegmentDecryptor d =
        SegmentDecryptor.open(object.header(), keys, context, Purpose.CONTENT)) {
      for (int i = 0; i < segments.length; i++) {
        sink.accept(d.decryptSegment(i, segments[i], i == segments.length - 1));
      }
    }
  }

  private static int segmentCount(int length) {
    return Math.max(
        1, (length + FormatV1.PLAINTEXT_SEGMENT_SIZE - 1) / FormatV1.PLAINTEXT_SEGMENT_SIZE);
  }

  /** Random content; from the JDK, since the DRBG gives at most 32 KiB per request. */
  private static byte[] random(int length) {
    byte[] b = new byte[length];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
