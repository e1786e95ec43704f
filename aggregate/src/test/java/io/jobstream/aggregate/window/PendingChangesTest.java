package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingChangesTest {

  private long gauge;
  private final List<Duration> latencies = new ArrayList<>();
  private final List<Long> emittedAll = new ArrayList<>();
  private final PendingChanges pending =
      new PendingChanges(PendingChanges.Meters.of(n -> gauge += n, latencies::add, emittedAll::add));

  @Test
  void aTaskTakesBackOnlyItsOwnShareOfTheGauge() {
    gauge = 100; // other tasks' changes
    pending.restored(3);
    pending.counted(1_000);
    pending.counted(1_500);
    assertThat(gauge).isEqualTo(105);
    assertThat(pending.unemitted()).isEqualTo(5);
    pending.settled();
    assertThat(gauge).isEqualTo(100);
    pending.settled();
    assertThat(gauge).as("settled once").isEqualTo(100);
  }

  @Test
  void aCompleteEmissionMeasuresTheLatencyOfEveryChangeItHas() {
    pending.counted(1_000);
    pending.counted(1_500);
    pending.allEmitted(2_000);
    assertThat(latencies).containsExactly(Duration.ofMillis(1_000), Duration.ofMillis(500));
    assertThat(emittedAll).containsExactly(2_000L);
    assertThat(gauge).isZero();
    pending.counted(3_000);
    pending.allEmitted(2_500); // a record stamped after the emission: no negative latency
    assertThat(latencies).hasSize(3).last().isEqualTo(Duration.ZERO);
  }

  @Test
  void manyChangesAreSampled() {
    for (int i = 0; i < PendingChanges.MAX_LATENCY_SAMPLES + 50; i++) {
      pending.counted(0);
    }
    pending.allEmitted(10);
    assertThat(latencies).hasSize(PendingChanges.MAX_LATENCY_SAMPLES);
    assertThat(gauge).isZero();
  }
}
