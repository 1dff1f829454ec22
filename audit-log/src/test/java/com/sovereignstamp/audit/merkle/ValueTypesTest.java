package com.sovereignstamp.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TreeHashes, RootHash and the proof records. */
class ValueTypesTest {

  private static final byte[] A = TreeHashes.leafHash(new byte[] {1});
  private static final byte[] B = TreeHashes.leafHash(new byte[] {2});

  @Test
  void leafAndNodeHashes_useTheRfc6962DomainSeparationPrefixes() {
    // SHA-256(0x00) is the leaf hash of the empty entry, the first reference vector.
    assertThat(HexFormat.of().formatHex(TreeHashes.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    byte[] concatenated = new byte[64];
    System.arraycopy(A, 0, concatenated, 0, 32);
    System.arraycopy(B, 0, concatenated, 32, 32);
    assertThat(TreeHashes.nodeHash(A, B)).isNotEqualTo(TreeHashes.leafHash(concatenated));
    assertThat(TreeHashes.nodeHash(A, B)).isNotEqualTo(TreeHashes.nodeHash(B, A));
  }

  @Test
  void nodeHash_rejectsChildrenThatAreNot32Bytes() {
    assertThatThrownBy(() -> TreeHashes.nodeHash(new byte[33], B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("left");
    assertThatThrownBy(() -> TreeHashes.nodeHash(A, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("right");
  }

  @Test
  void rootHash_roundTripsThroughHexAndComparesByContent() {
    RootHash root = RootHash.of(A);
    assertThat(RootHash.fromHex(root.toHex())).isEqualTo(root).hasSameHashCodeAs(root);
    assertThat(RootHash.fromHex(root.toHex().toUpperCase())).isEqualTo(root);
    assertThat(root.toString()).isEqualTo(HexFormat.of().formatHex(A));
    assertThat(root).isNotEqualTo(RootHash.of(B));
    assertThat(root.matches(A)).isTrue();
    assertThat(root.matches(B)).isFalse();
  }

  @Test
  void rootHash_copiesItsBytesAndRejectsWrongLengths() {
    byte[] bytes = A.clone();
    RootHash root = RootHash.of(bytes);
    bytes[0] ^= 1;
    root.bytes()[1] ^= 1;
    assertThat(root.bytes()).isEqualTo(A);
    assertThatThrownBy(() -> RootHash.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RootHash.fromHex("abcd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofRecords_copyTheirPathsInAndOut() {
    List<byte[]> path = new ArrayList<>(List.of(A.clone(), B.clone()));
    InclusionProof inclusion = new InclusionProof(1, 3, path);
    ConsistencyProof consistency = new ConsistencyProof(1, 3, path);

    path.get(0)[0] ^= 1;
    path.add(A);
    inclusion.path().get(0)[0] ^= 1;
    consistency.path().get(1)[0] ^= 1;

    assertThat(inclusion.path()).containsExactly(A, B);
    assertThat(consistency.path()).containsExactly(A, B);
    assertThatThrownBy(() -> inclusion.path().add(A))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void proofRecords_areEqualByContent() {
    assertThat(new InclusionProof(1, 3, List.of(A.clone(), B.clone())))
        .isEqualTo(new InclusionProof(1, 3, List.of(A, B)))
        .hasSameHashCodeAs(new InclusionProof(1, 3, List.of(A, B)))
        .isNotEqualTo(new InclusionProof(1, 3, List.of(B, A)))
        .isNotEqualTo(new InclusionProof(2, 3, List.of(A, B)));
    assertThat(new ConsistencyProof(1, 3, List.of(A.clone())))
        .isEqualTo(new ConsistencyProof(1, 3, List.of(A)))
        .hasSameHashCodeAs(new ConsistencyProof(1, 3, List.of(A)))
        .isNotEqualTo(new ConsistencyProof(1, 4, List.of(A)));
    assertThat(new InclusionProof(0, 2, List.of(A)).toString())
        .contains("leafIndex=0", HexFormat.of().formatHex(A));
  }

  @Test
  void proofRecords_rejectNegativeSizesAndMalformedHashes() {
    assertThatThrownBy(() -> new InclusionProof(-1, 3, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(0, -3, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, 3, List.of(new byte[5])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path[0]");
  }
}
