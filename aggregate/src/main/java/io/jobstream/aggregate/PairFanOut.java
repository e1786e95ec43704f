package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Where a family's counted change goes for the divergence stage: to every configured pair that
 * has the family, keyed by the pair; only postings with pay (the gap and the test compare pay).
 */
final class PairFanOut {

  private PairFanOut() {}

  static List<KeyValue<String, TupleDelta>> pairsOf(DivergenceSettings divergence, String family, TupleDelta delta) {
    List<KeyValue<String, TupleDelta>> out = new ArrayList<>(2);
    for (DivergenceSettings.Pair pair : divergence.pairs()) {
      if (pair.has(family) && PostingTuple.hasPay(delta.tuple())) {
        out.add(KeyValue.pair(pair.key(), delta));
      }
    }
    return out;
  }
}
