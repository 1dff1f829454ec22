package com.sovereignstamp.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 reference test data used by Certificate Transparency implementations (the
 * certificate-transparency C++ and Go code, Trillian): eight leaves, the roots of sizes 1 to 8 and
 * published inclusion and consistency proofs.
 */
class KnownVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final List<byte[]> LEAVES =
      Stream.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .map(HEX::parseHex)
          .toList();

  private static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private static MerkleTree referenceTree() {
    return ReferenceMerkle.treeOf(LEAVES);
  }

  @Test
  void emptyTreeRoot_isSha256OfTheEmptyString() {
    assertThat(new MerkleTree().rootHash().toHex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(TreeHashes.emptyRoot()).isEqualTo(new MerkleTree().rootHash());
  }

  static Stream<Arguments> publishedRoots() {
    return Stream.iterate(1, size -> size <= 8, size -> size + 1)
        .map(size -> Arguments.of(size, ROOTS.get(size - 1)));
  }

  @ParameterizedTest(name = "size {0}")
  @MethodSource("publishedRoots")
  void rootOfTheFirstNReferenceLeaves_matchesThePublishedRoot(int size, String root) {
    MerkleTree grownToSize = ReferenceMerkle.treeOf(LEAVES.subList(0, size));

    assertThat(grownToSize.rootHash().toHex()).isEqualTo(root);
    assertThat(referenceTree().rootHash(size).toHex()).isEqualTo(root);
    assertThat(HEX.formatHex(ReferenceMerkle.mth(LEAVES.subList(0, size)))).isEqualTo(root);
  }

  static Stream<Arguments> publishedInclusionProofs() {
    return Stream.of(
        Arguments.of(
            0,
            8,
            List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            5,
            8,
            List.of(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(
            1,
            5,
            List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(0, 1, List.of()));
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @MethodSource("publishedInclusionProofs")
  void inclusionProof_matchesThePublishedPathAndVerifies(
      long index, long size, List<String> published) {
    InclusionProof proof = referenceTree().inclusionProof(index, size);

    assertThat(proof.path().stream().map(HEX::formatHex).toList()).isEqualTo(published);
    assertThatCode(
            () ->
                ProofVerifier.verifyInclusion(
                    TreeHashes.leafHash(LEAVES.get((int) index)),
                    proof,
                    RootHash.fromHex(ROOTS.get((int) size - 1))))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> publishedConsistencyProofs() {
    return Stream.of(
        Arguments.of(1, 1, List.of()),
        Arguments.of(
            1,
            8,
            List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            6,
            8,
            List.of(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            2,
            5,
            List.of(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("publishedConsistencyProofs")
  void consistencyProof_matchesThePublishedPathAndVerifies(
      long oldSize, long newSize, List<String> published) {
    ConsistencyProof proof = referenceTree().consistencyProof(oldSize, newSize);

    assertThat(proof.path().stream().map(HEX::formatHex).toList()).isEqualTo(published);
    assertThatCode(
            () ->
                ProofVerifier.verifyConsistency(
                    proof,
                    RootHash.fromHex(ROOTS.get((int) oldSize - 1)),
                    RootHash.fromHex(ROOTS.get((int) newSize - 1))))
        .doesNotThrowAnyException();
  }
}
