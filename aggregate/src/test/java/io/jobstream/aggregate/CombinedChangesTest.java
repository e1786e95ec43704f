package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CombinedChangesTest {

  private static Map<String, Long> counts(ChangeBatch batch) {
    return batch.changes().stream().collect(Collectors.toMap(TupleDelta::tuple, TupleDelta::delta));
  }

  @Test
  void theChangesOfOneTupleBecomeOneNetCountPerTarget() {
    CombinedChanges open = new CombinedChanges();
    for (int i = 0; i < 100; i++) {
      open.add("data_scientist#0", "t1", 1, 5_000 + i);
    }
    open.add("data_scientist#0", "t2", -1, 4_000);
    open.add("data_scientist#1", "t1", 1, 9_000);

    assertThat(open.targets()).containsExactly("data_scientist#0", "data_scientist#1");
    assertThat(open.size("data_scientist#0")).isEqualTo(2);
    ChangeBatch batch = open.drain("data_scientist#0");
    assertThat(counts(batch)).isEqualTo(Map.of("t1", 100L, "t2", -1L));
    assertThat(batch.earliestTimestamp()).isEqualTo(4_000);
    assertThat(open.targets()).containsExactly("data_scientist#1");
    assertThat(counts(open.drain("data_scientist#1"))).isEqualTo(Map.of("t1", 1L));
    assertThat(open.isEmpty()).isTrue();
    assertThat(open.drain("data_scientist#1").isEmpty()).isTrue();
  }

  @Test
  void changesThatCancelOutLeaveAnEntryOfZeroSoTheirWindowsAreStillEmitted() {
    CombinedChanges open = new CombinedChanges();
    assertThat(open.add("k#0", "old", 1, 1)).isEqualTo(1);
    assertThat(open.add("k#0", "old", -1, 2)).isZero();
    assertThat(counts(open.drain("k#0"))).isEqualTo(Map.of("old", 0L));
  }

  @Test
  void aBatchSurvivesItsBinaryLayoutAndAnOldSingleChangeRecordReadsAsABatchOfOne() {
    ChangeBatch batch = new ChangeBatch(List.of(new TupleDelta("data_scientist|2024-04-10|senior|US|no|120000", 3),
        new TupleDelta("ml_engineer|2024-04-11|all|DE|yes|", -2), new TupleDelta("ü|x", 0)), 1_234L);
    assertThat(ChangeBatchSerde.read(ChangeBatchSerde.write(batch))).isEqualTo(batch);
    assertThat(ChangeBatchSerde.read("{\"tuple\":\"a|b\",\"delta\":-1}".getBytes()).changes())
        .containsExactly(new TupleDelta("a|b", -1));
    byte[] cut = ChangeBatchSerde.write(batch);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ChangeBatchSerde.read(java.util.Arrays.copyOf(cut, cut.length - 3)))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
  }

  @Test
  void aPendingKeyKeepsTargetAndTupleApartWhateverTheyHold() {
    PendingChangeKey key = new PendingChangeKey("ml_engineer:data_scientist#3", "a|b#c:d");
    assertThat(PendingChangeKey.read(PendingChangeKey.write(key))).isEqualTo(key);
    assertThat(PendingChangeKey.read(PendingChangeKey.write(new PendingChangeKey("", "")))).isEqualTo(
        new PendingChangeKey("", ""));
  }
}
