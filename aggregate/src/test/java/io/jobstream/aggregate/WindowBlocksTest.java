package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowBlocksTest {

  /** Epoch day 20,160 (2025-03-13) starts block 224 of 90 days. */
  private static final LocalDate BLOCK_START = LocalDate.ofEpochDay(224 * 90);

  @Test
  void aRollingWindowsDayGoesToTheBlocksOfTheWindowsThatContainItAndWithTrendsOfTheNextOnes() {
    WindowBlocks blocks = new WindowBlocks(WindowSpec.parseList("30d/1d"), 90);
    // windows containing the block's 10th day start from 20 days before the block
    assertThat(blocks.blocksFor(BLOCK_START.plusDays(10), false)).containsExactly(223L, 224L);
    assertThat(blocks.blocksFor(BLOCK_START.plusDays(40), false)).containsExactly(224L);
    // the windows after those start up to 30 days later: past the block's end from day 60 on
    assertThat(blocks.blocksFor(BLOCK_START.plusDays(40), true)).containsExactly(224L);
    assertThat(blocks.blocksFor(BLOCK_START.plusDays(70), true)).containsExactly(224L, 225L);
  }

  @Test
  void calendarWindowsGoToTheBlockOfTheirFirstDay() {
    WindowBlocks blocks = new WindowBlocks(WindowSpec.parseList("year"), 90);
    LocalDate june = LocalDate.parse("2024-06-15");
    long ofJanuary = Math.floorDiv(LocalDate.parse("2024-01-01").toEpochDay(), 90);
    long ofNextJanuary = Math.floorDiv(LocalDate.parse("2025-01-01").toEpochDay(), 90);
    assertThat(blocks.blocksFor(june, false)).containsExactly(ofJanuary);
    assertThat(blocks.blocksFor(june, true)).containsExactly(ofJanuary, ofNextJanuary);
  }

  @Test
  void taskKeysCarryTheBlock() {
    String key = WindowBlocks.taskKey("ml_engineer:data_scientist", 224);
    assertThat(key).isEqualTo("ml_engineer:data_scientist#224");
    assertThat(WindowBlocks.blockOfKey(key)).isEqualTo(224);
    assertThat(WindowBlocks.keyOf(key)).isEqualTo("ml_engineer:data_scientist");
  }

  @Test
  void consecutiveBlocksOfAFamilyGoToConsecutivePartitions() {
    int first = BlockPartitioner.partition(WindowBlocks.taskKey("other", 224), 6);
    java.util.Set<Integer> partitions = new java.util.TreeSet<>();
    for (long block = 224; block < 230; block++) {
      int p = BlockPartitioner.partition(WindowBlocks.taskKey("other", block), 6);
      assertThat(p).isEqualTo((int) ((first + block - 224) % 6));
      partitions.add(p);
    }
    assertThat(partitions).hasSize(6);
    // the same key, the same partition, on any instance
    assertThat(new BlockPartitioner<Object>().partitions("t", "other#224", null, 6)).contains(java.util.Set.of(first));
  }
}
