package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw records on a partition that does not own their posting id, and versions of one id arriving
 * out of order. The test driver has one partition per topic, so the raw topic is declared to have
 * four: a record whose id partition 0 does not own is then re-routed, as it would be on a
 * broker, and comes back to the same (only) task; the broker test (PartitionerIndependenceTest in
 * the app module) shows that it reaches the task that owns the id. Timestamps stand for the
 * broker's append times; a version stamped earlier than one already applied stands for a record
 * that took the longer path.
 */
class PostingPlacementTest {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);
  private static final LocalDate MAY_2 = LocalDate.parse("2024-05-02");
  private static final String MONTH_DS = "month|2024-05-01|data_scientist|all|all|all";
  private static final Instant T = Instant.parse("2024-05-03T10:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, byte[]> rerouted;
  private TestOutputTopic<String, SalaryStats> stats;
  private TestOutputTopic<String, DeadLetter> dlq;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "placement-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(JobstreamConfig.WINDOWS_CONFIG, "month");
    props.put(JobstreamConfig.RAW_PARTITIONS_CONFIG, "4");
    driver = new TopologyTestDriver(JobstreamTopology.build(props), props);
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    rerouted = driver.createOutputTopic("placement-test-" + JobstreamTopology.BY_POSTING + "-repartition",
        new StringDeserializer(), new ByteArrayDeserializer());
    stats = driver.createOutputTopic(Topics.STATS.name(), Topics.STATS.keySerde().deserializer(),
        Topics.STATS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** Ids partition 0 of four owns ({@code owned}) or does not. */
  private static List<String> ids(boolean owned, int n) {
    return IntStream.range(0, 1000).mapToObj(i -> "probe:" + i)
        .filter(id -> (PostingPlacement.owner(id, 4) == 0) == owned).limit(n).toList();
  }

  private void send(String id, String title, int pay, Instant at) {
    raw.pipeInput(id, RAW.write(Postings.raw(id, title, MAY_2, pay, pay)), at);
  }

  private SalaryStats month(String key) {
    return latestStats().get(key);
  }

  private Map<String, SalaryStats> latestStats() {
    WallClock.advance(driver, Duration.ofSeconds(2)); // the emit interval
    return stats.readKeyValuesToMap();
  }

  @Test
  void theOwnerIsThePartitionJavasProducerPicks() {
    for (int partitions : new int[] {1, 3, 6, 12, 100}) {
      for (int i = 0; i < 2000; i++) {
        String id = "jsonld:careers.example.com:R-" + i + (i % 7 == 0 ? "-ünïcödé" : "");
        assertThat(PostingPlacement.owner(id, partitions)).as(id)
            .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions));
      }
    }
  }

  @Test
  void onlyRecordsOffTheirOwnersPartitionAreReRoutedAndEachCountsOnce() {
    List<String> here = ids(true, 5);
    List<String> elsewhere = ids(false, 7);
    here.forEach(id -> send(id, "Data Scientist", 100_000, T));
    elsewhere.forEach(id -> send(id, "Data Scientist", 100_000, T));
    raw.pipeInput(null, RAW.write(Postings.raw("no-key", "Data Scientist", MAY_2, 1, 1)), T);

    List<TestRecord<String, byte[]>> trip = rerouted.readRecordsToList();
    assertThat(trip).extracting(TestRecord::key).containsExactlyElementsOf(elsewhere);
    assertThat(new String(trip.get(0).headers().lastHeader(PostingPlacement.ORIGIN_HEADER).value(),
        StandardCharsets.UTF_8)).isEqualTo(Topics.RAW.name() + "/0@5");
    assertThat(trip.get(0).timestamp()).isEqualTo(T.toEpochMilli());
    assertThat(month(MONTH_DS).count()).isEqualTo(12);
    assertThat(dlq.readValuesToList()).extracting(DeadLetter::reason).containsExactly("no_key");
  }

  @Test
  void aReRoutedRecordsDeadLetterNamesWhereItArrivedAndOutputsDoNotCarryTheRouteHeader() {
    String id = ids(false, 1).get(0);
    raw.pipeInput(id, "{not json".getBytes(StandardCharsets.UTF_8), T);
    send(id, "Data Scientist", 100_000, T.plusSeconds(1));
    TestRecord<String, DeadLetter> dead = dlq.readRecord();
    assertThat(dead.value().reason()).isEqualTo("not_json");
    assertThat(dead.value().origin()).isEqualTo(Topics.RAW.name() + "/0@0");
    assertThat(dead.headers().lastHeader(PostingPlacement.ORIGIN_HEADER)).isNull();
    TestOutputTopic<String, byte[]> classified = driver.createOutputTopic(Topics.CLASSIFIED.name(),
        new StringDeserializer(), new ByteArrayDeserializer());
    assertThat(classified.readRecord().headers().lastHeader(PostingPlacement.ORIGIN_HEADER)).isNull();
  }

  @Test
  void theLatestStampedVersionWinsWhicheverPathArrivesLast() {
    String direct = ids(true, 1).get(0);
    String other = ids(false, 1).get(0);
    for (String id : List.of(direct, other)) {
      send(id, "Data Scientist", 100_000, T);
      send(id, "Data Scientist", 300_000, T.plusSeconds(20));
      // written in between, but it arrived after the later version
      send(id, "Data Engineer", 200_000, T.plusSeconds(10));
    }
    Map<String, SalaryStats> latest = latestStats();
    assertThat(latest.get(MONTH_DS).count()).isEqualTo(2);
    assertThat(latest.get(MONTH_DS).median()).isEqualTo(300_000.0);
    assertThat(latest).doesNotContainKey("month|2024-05-01|data_engineer|all|all|all");
    List<DeadLetter> dead = dlq.readValuesToList();
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("superseded", "superseded");
    assertThat(dead).extracting(DeadLetter::key).containsExactly(direct, other);
    // the same stamp: the later arrival wins, as on one partition
    send(direct, "Data Scientist", 310_000, T.plusSeconds(20));
    assertThat(month(MONTH_DS).max()).isEqualTo(310_000.0);
  }

  @Test
  void aDeletionIsExactWhicheverOrderItsRecordsArriveIn() {
    List<String> ids = ids(false, 3);
    ids.forEach(id -> send(id, "Data Scientist", 100_000, T));
    assertThat(month(MONTH_DS).count()).isEqualTo(3);

    // an older version arriving after the tombstone does not bring the posting back
    raw.pipeInput(ids.get(0), (byte[]) null, T.plusSeconds(30));
    send(ids.get(0), "Data Scientist", 150_000, T.plusSeconds(20));
    // a tombstone older than the version applied does not delete it
    send(ids.get(1), "Data Scientist", 120_000, T.plusSeconds(30));
    raw.pipeInput(ids.get(1), (byte[]) null, T.plusSeconds(20));
    // a later version after a tombstone brings the posting back, as a changed crawl does
    raw.pipeInput(ids.get(2), (byte[]) null, T.plusSeconds(10));
    send(ids.get(2), "Data Scientist", 90_000, T.plusSeconds(40));

    SalaryStats ds = month(MONTH_DS);
    assertThat(ds.count()).isEqualTo(2);
    assertThat(ds.min()).isEqualTo(90_000.0);
    assertThat(ds.max()).isEqualTo(120_000.0);
    assertThat(dlq.readValuesToList()).extracting(DeadLetter::key, DeadLetter::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ids.get(0), "superseded"),
        org.assertj.core.groups.Tuple.tuple(ids.get(1), "superseded"));
  }
}
