package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Test {

  private static String hash(String s) {
    Murmur3 m = new Murmur3();
    m.update(s.getBytes(StandardCharsets.UTF_8));
    return m.hex();
  }

  @Test
  void matchesThePublishedValues() {
    // MurmurHash3_x64_128, seed 0, as the reference C++ code and Guava's murmur3_128 give them
    assertThat(hash("")).isEqualTo("00000000000000000000000000000000");
    assertThat(hash("hello")).isEqualTo("cbd8a7b341bd9b025b1e906a48ae1d19");
    assertThat(hash("The quick brown fox jumps over the lazy dog"))
        .isEqualTo("e34bbc7bbc071b6c7a433ca9c49a9347");
  }

  @Test
  void incrementalUpdatesEqualOneUpdate() {
    Murmur3 pieces = new Murmur3();
    for (String part : new String[] {"The quick ", "brown fox jumps over", " the lazy dog"}) {
      pieces.update(part.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(pieces.hex()).isEqualTo(hash("The quick brown fox jumps over the lazy dog"));
  }
}
