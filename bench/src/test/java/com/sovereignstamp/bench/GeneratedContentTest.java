package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class GeneratedContentTest {
  @Test
  void theSameSeedAndSize_giveTheSameBytes_anotherSeedOthers() {
    byte[] a = new GeneratedContent(7, 100_000).bytes();

    assertThat(new GeneratedContent(7, 100_000).bytes()).isEqualTo(a);
    assertThat(new GeneratedContent(8, 100_000).bytes()).isNotEqualTo(a);
  }

  @Test
  void blocksAreBlockSized_butTheLast_andTogetherAreTheContent() {
    GeneratedContent c = new GeneratedContent(1, 2L * GeneratedContent.BLOCK + 5);
    byte[] block = new byte[GeneratedContent.BLOCK];

    assertThat(c.blocks()).isEqualTo(3);
    assertThat(c.block(0, block)).isEqualTo(GeneratedContent.BLOCK);
    assertThat(c.block(2, block)).isEqualTo(5);
    assertThat(Arrays.copyOf(block, 5))
        .isEqualTo(Arrays.copyOfRange(c.bytes(), 2 * GeneratedContent.BLOCK, c.bytes().length));
  }

  @Test
  void theContentDoesNotCompress_soTheDatabaseStoresPlaintextAsLargeAsCiphertext() {
    byte[] content = new GeneratedContent(3, 256 * 1024).bytes();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(content);
    deflater.finish();
    byte[] out = new byte[content.length + 1024];
    int compressed = deflater.deflate(out);

    assertThat(compressed).isGreaterThan(content.length * 99 / 100);
  }

  @Test
  void theDigest_isTheSha256OfTheBytes() throws Exception {
    GeneratedContent c = new GeneratedContent(5, 300_001);

    assertThat(c.sha256())
        .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(c.bytes()));
  }
}
