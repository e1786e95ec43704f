package io.jobstream.aggregate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The comparisons a new posting makes with every open representative take shortcuts (a
 * similarity that stops once it cannot reach the threshold, places compared without splitting):
 * they decide as the plain computations do.
 */
class ShortcutsTest {

  private static double plainSimilarity(byte[] x, byte[] y) {
    int equal = 0;
    for (int i = 0; i < x.length; i += 2) {
      if (x[i] == y[i] && x[i + 1] == y[i + 1]) {
        equal++;
      }
    }
    return equal / (x.length / 2.0);
  }

  private static boolean plainSamePlace(String a, String b) {
    if (PlaceName.MULTI.equals(a) || PlaceName.MULTI.equals(b) || a.isEmpty() || b.isEmpty()) {
      return true;
    }
    String[] x = a.split("\\|", -1);
    String[] y = b.split("\\|", -1);
    for (int i = 0; i < 3; i++) {
      if (!x[i].isEmpty() && !y[i].isEmpty() && !x[i].equals(y[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theStoppedSimilarityDecidesAsThePlainOneAtEveryThreshold() {
    Random random = new Random(5);
    byte[] base = MinHash.decode(MinHash.signature("a base text of some words about modelling and data pipelines"));
    for (int n = 0; n < 5_000; n++) {
      byte[] other = base.clone();
      int changed = random.nextInt(other.length / 2 + 1);
      for (int k = 0; k < changed; k++) {
        int at = 2 * random.nextInt(other.length / 2);
        other[at] ^= (byte) (1 + random.nextInt(255));
      }
      double plain = plainSimilarity(base, other);
      for (double least : List.of(0.01, 0.5, 0.5625, 0.57, 0.75, 0.8, 0.9, 1.0)) {
        double stopped = MinHash.similarity(base, other, least);
        assertThat(stopped >= least).as("least %s, plain %s", least, plain).isEqualTo(plain >= least);
        if (plain >= least) {
          assertThat(stopped).isEqualTo(plain);
        }
      }
      assertThat(MinHash.similarity(base, other)).isEqualTo(plain);
    }
  }

  @Test
  void placesAreComparedAsThePlainSplitComparesThem() {
    List<String> places = List.of("austin|tx|us", "austin||us", "|tx|us", "||us", "austin|tx|", "dallas|tx|us",
        "austin|texas|us", "remote||us", "remote||gb", "*", "", "austin|tx|usa", "austi|tx|us", "||", "a|b|c|d",
        "austin|tx|us|x");
    for (String a : places) {
      for (String b : places) {
        assertThat(PlaceName.samePlace(a, b)).as("'%s' and '%s'", a, b).isEqualTo(plainSamePlace(a, b));
      }
    }
  }
}
