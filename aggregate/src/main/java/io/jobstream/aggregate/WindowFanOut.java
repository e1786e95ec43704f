package io.jobstream.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Where a counted change goes after the cluster stage: to the statistics tasks of its family's
 * blocks of windows ({@code family#block}), and, for a posting with pay (the gap and the test
 * compare pay), to the divergence tasks of every configured pair that has the family
 * ({@code a:b#block}), in the blocks whose windows or whose trends need its day.
 */
final class WindowFanOut {

  private final WindowBlocks blocks;
  private final DivergenceSettings divergence;

  WindowFanOut(WindowBlocks blocks, DivergenceSettings divergence) {
    this.blocks = blocks;
    this.divergence = divergence;
  }

  List<KeyValue<String, TupleDelta>> toStats(TupleDelta delta) {
    PostingTuple t = PostingTuple.parse(delta.tuple());
    List<KeyValue<String, TupleDelta>> out = new ArrayList<>(2);
    for (long block : blocks.blocksFor(t.day(), false)) {
      out.add(KeyValue.pair(WindowBlocks.taskKey(t.family(), block), delta));
    }
    return out;
  }

  List<KeyValue<String, TupleDelta>> toPairs(TupleDelta delta) {
    PostingTuple t = PostingTuple.parse(delta.tuple());
    List<KeyValue<String, TupleDelta>> out = new ArrayList<>(2);
    if (t.mid() == null) {
      return out;
    }
    for (DivergenceSettings.Pair pair : divergence.pairs()) {
      if (pair.has(t.family())) {
        for (long block : blocks.blocksFor(t.day(), true)) {
          out.add(KeyValue.pair(WindowBlocks.taskKey(pair.key(), block), delta));
        }
      }
    }
    return out;
  }
}
