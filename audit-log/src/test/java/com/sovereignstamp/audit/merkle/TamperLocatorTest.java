package com.sovereignstamp.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A one-byte change, a deletion, a swap or an insertion is detected and located. */
class TamperLocatorTest {

  private static final int SIZE = 37;
  private static final List<byte[]> ORIGINAL = ReferenceMerkle.entries(SIZE);
  private static final MerkleTree TRUSTED = ReferenceMerkle.treeOf(ORIGINAL);
  private static final RootHash TRUSTED_ROOT = TRUSTED.rootHash();
  private static final List<byte[]> TRUSTED_LEAVES = ReferenceMerkle.leafHashes(ORIGINAL);

  static Stream<Arguments> tamperings() {
    List<Arguments> cases = new ArrayList<>();
    for (int i : new int[] {0, 1, 15, 16, 31, 32, SIZE - 1}) {
      cases.add(Arguments.of("byte changed in entry " + i, i, change(i)));
      cases.add(Arguments.of("entry " + i + " deleted", i, delete(i)));
      cases.add(Arguments.of("entry inserted before " + i, i, insertBefore(i)));
      if (i + 1 < SIZE) {
        cases.add(Arguments.of("entries " + i + " and " + (i + 1) + " swapped", i, swap(i, i + 1)));
      }
      if (i + 5 < SIZE) {
        cases.add(Arguments.of("entries " + i + " and " + (i + 5) + " swapped", i, swap(i, i + 5)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void tamperedEntry_changesTheRootOfEverySizeThatContainsItAndNoOther(
      String description, int firstTampered, UnaryOperator<List<byte[]>> tamper) {
    MerkleTree tampered = ReferenceMerkle.treeOf(tamper.apply(copy(ORIGINAL)));
    long comparable = Math.min(tampered.size(), TRUSTED.size());

    for (long size = 0; size <= comparable; size++) {
      if (size <= firstTampered) {
        assertThat(tampered.rootHash(size)).as("size %d", size).isEqualTo(TRUSTED.rootHash(size));
      } else {
        assertThat(tampered.rootHash(size))
            .as("size %d", size)
            .isNotEqualTo(TRUSTED.rootHash(size));
      }
    }
    assertThat(tampered.rootHash()).isNotEqualTo(TRUSTED_ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void firstDifference_namesTheFirstTamperedIndex(
      String description, int firstTampered, UnaryOperator<List<byte[]>> tamper) {
    assertThat(TamperLocator.firstDifference(TRUSTED_LEAVES, tamper.apply(copy(ORIGINAL))))
        .hasValue(firstTampered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void firstDeparture_findsTheFirstTamperedIndexFromTheCheckpointAndConsistencyProofs(
      String description, int firstTampered, UnaryOperator<List<byte[]>> tamper) {
    List<byte[]> claimed = tamper.apply(copy(ORIGINAL));

    assertThat(TamperLocator.reproducesCheckpoint(claimed, SIZE, TRUSTED_ROOT)).isFalse();
    assertThat(TamperLocator.firstDeparture(claimed, SIZE, TRUSTED_ROOT, TRUSTED::consistencyProof))
        .hasValue(firstTampered);
  }

  @Test
  void untamperedLog_reproducesTheCheckpointAndHasNoDeparture() {
    assertThat(TamperLocator.reproducesCheckpoint(copy(ORIGINAL), SIZE, TRUSTED_ROOT)).isTrue();
    assertThat(TamperLocator.firstDifference(TRUSTED_LEAVES, copy(ORIGINAL))).isEmpty();
    assertThat(
            TamperLocator.firstDeparture(
                copy(ORIGINAL), SIZE, TRUSTED_ROOT, TRUSTED::consistencyProof))
        .isEmpty();
  }

  @Test
  void entriesAppendedAfterTheCheckpoint_doNotCountAsTampering() {
    List<byte[]> grown = copy(ORIGINAL);
    grown.add("appended later".getBytes());

    assertThat(TamperLocator.reproducesCheckpoint(grown, SIZE, TRUSTED_ROOT)).isTrue();
    assertThat(TamperLocator.firstDeparture(grown, SIZE, TRUSTED_ROOT, TRUSTED::consistencyProof))
        .isEmpty();
    assertThat(TamperLocator.firstDifference(TRUSTED_LEAVES, grown)).hasValue(SIZE);
  }

  @Test
  void truncatedLog_departsWhereItEnds() {
    List<byte[]> truncated = copy(ORIGINAL).subList(0, 20);

    assertThat(TamperLocator.reproducesCheckpoint(truncated, SIZE, TRUSTED_ROOT)).isFalse();
    assertThat(
            TamperLocator.firstDeparture(truncated, SIZE, TRUSTED_ROOT, TRUSTED::consistencyProof))
        .hasValue(20);
    assertThat(TamperLocator.firstDifference(TRUSTED_LEAVES, truncated)).hasValue(20);
  }

  @Test
  void everySingleByteChangeOfEveryEntry_isLocatedExactly() {
    for (int i = 0; i < SIZE; i++) {
      for (int b = 0; b < ORIGINAL.get(i).length; b++) {
        List<byte[]> claimed = copy(ORIGINAL);
        claimed.get(i)[b] ^= (byte) 0x80;
        assertThat(
                TamperLocator.firstDeparture(
                    claimed, SIZE, TRUSTED_ROOT, TRUSTED::consistencyProof))
            .hasValue(i);
        assertThat(TamperLocator.firstDifference(TRUSTED_LEAVES, claimed)).hasValue(i);
      }
    }
  }

  @Test
  void lyingProofSource_canOnlyMoveTheDepartureEarlierNeverHideIt() {
    List<byte[]> claimed = change(30).apply(copy(ORIGINAL));
    ConsistencyProofSource liar =
        (oldSize, newSize) -> new ConsistencyProof(oldSize, newSize, List.of());
    ConsistencyProofSource broken =
        (oldSize, newSize) -> {
          throw new IllegalStateException("unreachable");
        };

    OptionalLong withLiar = TamperLocator.firstDeparture(claimed, SIZE, TRUSTED_ROOT, liar);
    OptionalLong withBroken = TamperLocator.firstDeparture(claimed, SIZE, TRUSTED_ROOT, broken);

    assertThat(withLiar).isPresent();
    assertThat(withLiar.getAsLong()).isLessThanOrEqualTo(30);
    assertThat(withBroken).hasValue(0);
    assertThat(TamperLocator.firstDeparture(copy(ORIGINAL), SIZE, TRUSTED_ROOT, liar)).isEmpty();
  }

  @Test
  void checkpointOfAnEarlierSize_isReproducedByTheLongerLog() {
    for (long size = 0; size <= SIZE; size++) {
      assertThat(TamperLocator.reproducesCheckpoint(ORIGINAL, size, TRUSTED.rootHash(size)))
          .isTrue();
      assertThat(
              TamperLocator.firstDeparture(
                  ORIGINAL, size, TRUSTED.rootHash(size), TRUSTED::consistencyProof))
          .isEmpty();
    }
  }

  private static List<byte[]> copy(List<byte[]> entries) {
    List<byte[]> copy = new ArrayList<>(entries.size());
    entries.forEach(entry -> copy.add(entry.clone()));
    return copy;
  }

  private static UnaryOperator<List<byte[]>> change(int index) {
    return entries -> {
      entries.get(index)[entries.get(index).length - 1] ^= 0x01;
      return entries;
    };
  }

  private static UnaryOperator<List<byte[]>> delete(int index) {
    return entries -> {
      entries.remove(index);
      return entries;
    };
  }

  private static UnaryOperator<List<byte[]>> insertBefore(int index) {
    return entries -> {
      entries.add(index, "forged entry".getBytes());
      return entries;
    };
  }

  private static UnaryOperator<List<byte[]>> swap(int first, int second) {
    return entries -> {
      byte[] moved = entries.get(first);
      entries.set(first, entries.get(second));
      entries.set(second, moved);
      return entries;
    };
  }
}
