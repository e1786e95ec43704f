package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.StallDetector.Offsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StallDetectorTest {

  private final StallDetector detector = new StallDetector(30_000);

  @Test
  void waitingInputThatDoesNotMoveForTheTimeoutIsAStall() {
    assertThat(detector.observe(Map.of("raw-0", new Offsets(10, 50)), 0)).isEmpty();
    assertThat(detector.observe(Map.of("raw-0", new Offsets(10, 60)), 20_000)).isEmpty();
    var stalls = detector.observe(Map.of("raw-0", new Offsets(10, 60)), 30_000);
    assertThat(stalls).containsExactly(new StallDetector.Stall("raw-0", 50, 30_000));
    assertThat(detector.stalls()).isEqualTo(stalls);
  }

  @Test
  void progressOrAnEmptyBacklogRestartsTheClock() {
    detector.observe(Map.of("raw-0", new Offsets(10, 50), "rep-1", new Offsets(5, 5)), 0);
    detector.observe(Map.of("raw-0", new Offsets(11, 50), "rep-1", new Offsets(5, 5)), 29_000);
    // raw-0 moved at 29 s, rep-1 has nothing waiting however long it stays
    assertThat(detector.observe(Map.of("raw-0", new Offsets(11, 50), "rep-1", new Offsets(5, 5)), 58_000)).isEmpty();
    assertThat(detector.observe(Map.of("raw-0", new Offsets(11, 50), "rep-1", new Offsets(5, 5)), 59_000))
        .extracting(StallDetector.Stall::partition).containsExactly("raw-0");
    // input arrives on the idle partition: its clock runs from the last snapshot it was idle in (59 s)
    assertThat(detector.observe(Map.of("raw-0", new Offsets(50, 50), "rep-1", new Offsets(5, 9)), 60_000)).isEmpty();
    assertThat(detector.observe(Map.of("raw-0", new Offsets(50, 50), "rep-1", new Offsets(5, 9)), 88_000)).isEmpty();
    assertThat(detector.observe(Map.of("raw-0", new Offsets(50, 50), "rep-1", new Offsets(5, 9)), 89_000))
        .extracting(StallDetector.Stall::partition).containsExactly("rep-1");
  }
}
